import type { AgentConfig } from '../config/schema.js';
import type { KeysAction } from '../config/command-line.js';
import { AgentError } from '../lib/errors.js';
import type { CliIo } from './io.js';

/** `pt-agent keys [list | import | delete]`: Kalshi keys in the OS keychain. */
export async function runKeysCommand(_config: AgentConfig, _action: KeysAction, _io: CliIo): Promise<number> {
  await Promise.resolve();
  throw new AgentError('INTERNAL', 'pt-agent keys is being built (issue 6)');
}
