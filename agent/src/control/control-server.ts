import { chmodSync, lstatSync, unlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import type { ErrorBody } from '@pt/protocol';
import { validationErrorBody } from '@pt/protocol';
import { AgentError, isAgentError } from '../lib/errors.js';
import { CONTROL_RESULTS, ControlRequest, MAX_CONTROL_LINE_BYTES } from './messages.js';
import type { ControlMethod, ControlRequestOf, ControlResponse, ControlResult } from './messages.js';
import { readLine } from './read-line.js';
import { controlSocketPath } from './socket-path.js';

/** One handler per method; an AgentError thrown becomes the error response (e.g. NOT_FOUND). */
export type ControlHandlers = {
  [M in ControlMethod]: (request: ControlRequestOf<M>) => ControlResult<M> | Promise<ControlResult<M>>;
};

export interface ControlServerOptions {
  dataDir: string;
  handlers: ControlHandlers;
  logger: Logger;
  platform?: NodeJS.Platform;
}

export interface RunningControlServer {
  readonly path: string;
  /** Stop listening, drop open connections, remove the socket file. */
  close(): Promise<void>;
}

/** A client that says nothing is cut off after this long. */
const IDLE_TIMEOUT_MS = 5_000;

function isMissing(err: unknown): boolean {
  return err instanceof Error && 'code' in err && err.code === 'ENOENT';
}

/**
 * Remove a socket file left by an agent that died. The instance lock guarantees no live agent owns
 * this data dir, so any socket here is stale; anything that is not a socket is left alone.
 */
function removeStaleSocket(path: string): void {
  try {
    if (!lstatSync(path).isSocket()) {
      throw new AgentError(
        'CONFIG_INVALID',
        `dataDir: ${path} exists and is not a socket; remove it`,
        {},
        {
          field: 'dataDir',
        },
      );
    }
    unlinkSync(path);
  } catch (err) {
    if (!isMissing(err)) throw err;
  }
}

async function dispatch(request: ControlRequest, handlers: ControlHandlers): Promise<unknown> {
  switch (request.method) {
    case 'pairing.issue':
      return CONTROL_RESULTS[request.method].parse(await handlers[request.method](request));
    case 'devices.list':
      return CONTROL_RESULTS[request.method].parse(await handlers[request.method](request));
    case 'devices.revoke':
      return CONTROL_RESULTS[request.method].parse(await handlers[request.method](request));
    case 'shutdown':
      return CONTROL_RESULTS[request.method].parse(await handlers[request.method](request));
  }
}

async function answer(line: string, handlers: ControlHandlers, logger: Logger): Promise<ControlResponse> {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return {
      ok: false,
      error: new AgentError('BAD_REQUEST', '(root): malformed JSON', {}, { field: '(root)' }).toBody(),
    };
  }
  const parsed = ControlRequest.safeParse(json);
  if (!parsed.success) return { ok: false, error: validationErrorBody(parsed.error) };
  try {
    return { ok: true, result: await dispatch(parsed.data, handlers) };
  } catch (err) {
    if (isAgentError(err)) return { ok: false, error: err.toBody() };
    logger.error({ err, method: parsed.data.method }, 'control request failed');
    const error: ErrorBody = { code: 'INTERNAL', message: 'Internal error', retryable: false };
    return { ok: false, error };
  }
}

async function serve(socket: Socket, handlers: ControlHandlers, logger: Logger): Promise<void> {
  socket.setTimeout(IDLE_TIMEOUT_MS, () => socket.destroy());
  let response: ControlResponse;
  try {
    response = await answer(await readLine(socket, MAX_CONTROL_LINE_BYTES), handlers, logger);
  } catch (err) {
    if (!isAgentError(err)) {
      socket.destroy();
      return;
    }
    response = { ok: false, error: err.toBody() };
  }
  socket.end(`${JSON.stringify(response)}\n`);
}

/**
 * The local control server for same-user tools: `<dataDir>/control.sock` (0600, in the 0700 data
 * dir) or a named pipe on Windows. One newline-delimited JSON request per connection, zod-checked,
 * one response line, then the connection closes.
 */
export async function startControlServer(options: ControlServerOptions): Promise<RunningControlServer> {
  const { handlers, logger } = options;
  const platform = options.platform ?? process.platform;
  const path = controlSocketPath(options.dataDir, platform);
  const isUnix = platform !== 'win32';
  if (isUnix) removeStaleSocket(path);
  const sockets = new Set<Socket>();
  // Half-open: a client may end its side right after the request and still read the answer.
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    void serve(socket, handlers, logger);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // The data dir (0700) already keeps other users out; the mode says so on the socket itself too.
  if (isUnix) chmodSync(path, 0o600);
  server.on('error', (err) => logger.error({ err }, 'control socket error'));
  logger.info({ path }, 'control socket listening');

  let closing: Promise<void> | undefined;
  return {
    path,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      })),
  };
}
