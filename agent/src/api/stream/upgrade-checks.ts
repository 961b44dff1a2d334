/**
 * What a WS upgrade must pass before any WebSocket exists: the path, the guard's Host + Origin
 * allow-lists (DNS rebinding, cross-site WebSocket hijacking), and no query string (a token never
 * travels in a URL, where logs and history would keep it). A refusal is a plain HTTP answer and a
 * destroyed socket, with no side effect.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorBody, ErrorCode } from '@pt/protocol';
import { codeForStatus } from '../error-status.js';
import type { RequestGuard } from '../guard/types.js';

/** The one path the stream answers on. */
export const STREAM_PATH = '/v1/stream';

export type UpgradeCheck =
  | { readonly ok: true; readonly origin: string }
  | { readonly ok: false; readonly status: number; readonly body: ErrorBody };

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  421: 'Misdirected Request',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

function refusal(status: number, code: ErrorCode, message: string): UpgradeCheck {
  return { ok: false, status, body: { code, message, retryable: false } };
}

function header(req: IncomingMessage, name: 'host' | 'origin'): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

export function checkUpgrade(req: IncomingMessage, guard: RequestGuard): UpgradeCheck {
  const host = header(req, 'host');
  const origin = header(req, 'origin');
  const verdict = guard.checkUpgrade({ host, origin });
  if (!verdict.ok) {
    return refusal(verdict.status, codeForStatus(verdict.status), verdict.reason);
  }
  // The guard requires an Origin on upgrades; a guard that let none through is a bug, refuse anyway.
  if (origin === undefined) return refusal(403, 'FORBIDDEN', 'origin: required on a stream upgrade');
  const url = req.url ?? '';
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  // The path is not echoed: whatever a client put in it stays out of answers and logs.
  if (path !== STREAM_PATH) {
    return refusal(404, 'NOT_FOUND', `No stream at this path; the stream is ${STREAM_PATH}`);
  }
  if (queryAt !== -1) {
    return refusal(
      400,
      'BAD_REQUEST',
      'query: the stream takes no query parameters; authenticate with the first message, never a token in the URL',
    );
  }
  return { ok: true, origin };
}

/** Answers the upgrade request with a plain HTTP error and closes the socket. */
export function refuseUpgrade(socket: Duplex, status: number, body: ErrorBody): void {
  const json = JSON.stringify(body);
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(json)}\r\n` +
      '\r\n' +
      json,
  );
}
