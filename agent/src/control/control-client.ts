import { createConnection } from 'node:net';
import { ErrorCode } from '@pt/protocol';
import { AgentError } from '../lib/errors.js';
import { CONTROL_RESULTS, ControlResponse, MAX_CONTROL_LINE_BYTES } from './messages.js';
import type { ControlMethod, ControlRequestOf, ControlResult } from './messages.js';
import { readLine } from './read-line.js';
import { controlSocketPath } from './socket-path.js';

export interface ControlRequestOptions {
  timeoutMs?: number;
  platform?: NodeJS.Platform;
}

const DEFAULT_TIMEOUT_MS = 5_000;

function noAgent(dataDir: string, cause: unknown): AgentError {
  return new AgentError(
    'NOT_FOUND',
    `no agent running for DATA_DIR ${dataDir} (start it first, or pass the --data-dir it runs with)`,
    {},
    { field: 'dataDir' },
    { cause },
  );
}

function isNoListener(err: unknown): boolean {
  return err instanceof Error && 'code' in err && (err.code === 'ENOENT' || err.code === 'ECONNREFUSED');
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/**
 * One request to the running agent's control socket; resolves with the method's result (checked
 * against its schema) or rejects with the agent's error as an AgentError (same code and details).
 */
export async function controlRequest<M extends ControlMethod>(
  dataDir: string,
  request: ControlRequestOf<M>,
  options: ControlRequestOptions = {},
): Promise<ControlResult<M>> {
  const path = controlSocketPath(dataDir, options.platform);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const socket = createConnection(path);
  socket.setTimeout(timeoutMs, () =>
    socket.destroy(
      new AgentError('INTERNAL', `the agent did not answer on ${path} within ${timeoutMs} ms`, {
        retryable: true,
      }),
    ),
  );
  let line: string;
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    socket.write(`${JSON.stringify(request)}\n`);
    line = await readLine(socket, MAX_CONTROL_LINE_BYTES);
  } catch (err) {
    throw isNoListener(err) ? noAgent(dataDir, err) : err;
  } finally {
    socket.destroy();
  }
  const response = ControlResponse.safeParse(parseJson(line));
  if (!response.success) throw new AgentError('INTERNAL', 'the agent sent a malformed control response');
  if (!response.data.ok) {
    const { code, message, details, retryable } = response.data.error;
    throw new AgentError(ErrorCode.parse(code), message, { retryable }, details);
  }
  const schema = CONTROL_RESULTS[request.method];
  const result = schema.safeParse(response.data.result);
  if (!result.success)
    throw new AgentError('INTERNAL', `the agent sent a malformed ${request.method} result`);
  return result.data as ControlResult<M>;
}
