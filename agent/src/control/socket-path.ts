import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { AgentError } from '../lib/errors.js';

export const CONTROL_SOCKET_NAME = 'control.sock';
/** sun_path is 108 bytes on Linux and 104 on macOS, including the terminating NUL. */
const MAX_UNIX_SOCKET_PATH_BYTES = 103;

/**
 * Where the running agent listens for same-user tools: `<dataDir>/control.sock` (inside the 0700
 * data dir, itself 0600), or on Windows a named pipe whose name derives from the data dir, so two
 * agents with different data dirs never meet.
 */
export function controlSocketPath(dataDir: string, platform: NodeJS.Platform = process.platform): string {
  const absolute = resolve(dataDir);
  if (platform === 'win32') {
    const digest = createHash('sha256').update(absolute.toLowerCase(), 'utf8').digest('hex');
    return `\\\\.\\pipe\\pt-agent-${digest.slice(0, 24)}`;
  }
  const path = join(absolute, CONTROL_SOCKET_NAME);
  if (Buffer.byteLength(path) > MAX_UNIX_SOCKET_PATH_BYTES) {
    throw new AgentError(
      'CONFIG_INVALID',
      `dataDir: ${absolute} is too long for a control socket path (at most ${MAX_UNIX_SOCKET_PATH_BYTES - CONTROL_SOCKET_NAME.length - 1} bytes); choose a shorter --data-dir`,
      {},
      { field: 'dataDir' },
    );
  }
  return path;
}
