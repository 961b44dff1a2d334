import type { AgentConfig } from '../config/schema.js';
import { AgentError } from '../lib/errors.js';
import type { CliIo } from './io.js';

/** `pt-agent pair`: asks the running agent (control socket) for a fresh code; prints the pairing URL. */
export async function runPairCommand(_config: AgentConfig, _io: CliIo): Promise<number> {
  await Promise.resolve();
  throw new AgentError('INTERNAL', 'pt-agent pair is being built (issue 6)');
}
