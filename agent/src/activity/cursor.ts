/** The feed's opaque cursor: base64url of the last ledger row id of the previous page. */
import { AgentError } from '../lib/errors.js';

export function encodeCursor(lastId: number): string {
  return Buffer.from(String(lastId), 'utf8').toString('base64url');
}

/** The id the next page starts below; VALIDATION_FAILED naming `cursor` if it is not one of ours. */
export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = /^[1-9][0-9]{0,15}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(id) || encodeCursor(id) !== cursor) {
    throw new AgentError(
      'VALIDATION_FAILED',
      'cursor: expected a cursor from a previous page',
      {},
      { field: 'cursor', issues: [{ field: 'cursor', message: 'expected a cursor from a previous page' }] },
    );
  }
  return id;
}
