import type { AgentConfig } from '../config/schema.js';
import type { DevicesAction } from '../config/command-line.js';
import { AgentError } from '../lib/errors.js';
import type { CliIo } from './io.js';

/** `pt-agent devices [list | revoke ID]` against the running agent (control socket). */
export async function runDevicesCommand(
  _config: AgentConfig,
  _action: DevicesAction,
  _io: CliIo,
): Promise<number> {
  await Promise.resolve();
  throw new AgentError('INTERNAL', 'pt-agent devices is being built (issue 6)');
}
