import { describe, expect, it } from 'vitest';
import { AgentError } from '../lib/errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';

describe('activity cursor', () => {
  it('round-trips ledger ids as opaque base64url', () => {
    for (const id of [1, 42, 1_000_000, Number.MAX_SAFE_INTEGER]) {
      const cursor = encodeCursor(id);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(cursor)).toBe(id);
    }
  });

  it.each([
    ['not base64 of a number', Buffer.from('abc').toString('base64url')],
    ['zero', encodeCursor(0)],
    ['a leading zero', Buffer.from('012').toString('base64url')],
    ['beyond a safe integer', Buffer.from('9007199254740993').toString('base64url')],
    ['a negative id', Buffer.from('-5').toString('base64url')],
  ])('refuses %s, naming the cursor', (_name, cursor) => {
    let caught: unknown;
    try {
      decodeCursor(cursor);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AgentError);
    expect(caught).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/^cursor: /) as unknown,
      details: { field: 'cursor' },
    });
  });
});
