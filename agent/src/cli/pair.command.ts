import { formatPairingNotice } from '../auth/pairing-notice.js';
import type { AgentConfig } from '../config/schema.js';
import { controlRequest } from '../control/control-client.js';
import { isAgentError } from '../lib/errors.js';
import type { CliIo } from './io.js';

/**
 * `pt-agent pair`: asks the running agent (control socket) for a fresh code and prints the pairing
 * URL, the code and its expiry. Exit 0; 1 when no agent runs for the data dir.
 */
export async function runPairCommand(
  config: AgentConfig,
  io: CliIo,
  nowMs: () => number = Date.now,
): Promise<number> {
  try {
    const issued = await controlRequest(config.dataDir, { method: 'pairing.issue' });
    io.stdout(formatPairingNotice(issued, nowMs()));
    return 0;
  } catch (err) {
    if (!isAgentError(err)) throw err;
    io.stderr(`pt-agent: ${err.message}\n`);
    return 1;
  }
}
