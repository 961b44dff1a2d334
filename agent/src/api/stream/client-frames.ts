/**
 * Decoding one client frame: text, JSON, then the protocol's zod schema. Failures become the wire
 * error body, naming the field (`(root)` when the frame is not even JSON).
 */
import type { RawData } from 'ws';
import { ClientMessage, validationErrorBody } from '@pt/protocol';
import type { ErrorBody, ServerMessage } from '@pt/protocol';

export type Decoded<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorBody };

const REQUEST_ID_MAX = 64;

function text(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

function badFrame(message: string): Decoded<never> {
  return {
    ok: false,
    error: {
      code: 'BAD_REQUEST',
      message: `(root): ${message}`,
      details: { field: '(root)' },
      retryable: false,
    },
  };
}

/** A frame as JSON; binary frames and bad JSON are refused. */
export function decodeJson(data: RawData, isBinary: boolean): Decoded<unknown> {
  if (isBinary) return badFrame('binary frames are not accepted; send JSON text');
  try {
    return { ok: true, value: JSON.parse(text(data)) as unknown };
  } catch {
    return badFrame('not valid JSON');
  }
}

export function parseClientMessage(value: unknown): Decoded<ClientMessage> {
  const parsed = ClientMessage.safeParse(value);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, error: validationErrorBody(parsed.error) };
}

/** The client's `requestId`, when a refused message carried a usable one (errors echo it). */
export function requestIdOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('requestId' in value)) return null;
  const id: unknown = value.requestId;
  return typeof id === 'string' && id.length > 0 && id.length <= REQUEST_ID_MAX ? id : null;
}

export function errorMessage(requestId: string | null, error: ErrorBody): ServerMessage {
  return { type: 'error', requestId, error };
}
