/**
 * Parses one text frame from the agent with the protocol's ServerMessage schema. Runs in the
 * stream worker (stream.worker.ts), so the main thread only ever receives typed, checked messages.
 */
import { ServerMessage, validationErrorBody } from '@pt/protocol';

export type InboundResult =
  { readonly ok: true; readonly message: ServerMessage } | { readonly ok: false; readonly error: string };

export function parseInbound(text: string): InboundResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: '(root): not JSON' };
  }
  const parsed = ServerMessage.safeParse(json);
  if (parsed.success) return { ok: true, message: parsed.data };
  return { ok: false, error: validationErrorBody(parsed.error).message };
}
