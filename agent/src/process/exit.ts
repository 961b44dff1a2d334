import type { AgentLogger } from '../lib/logger.js';

/** How long exiting waits for the log file to flush before leaving anyway. */
const LOG_FLUSH_LIMIT_MS = 500;

/**
 * Exit after the log file has flushed (bounded, so a stuck disk cannot keep a dying process alive).
 * Every exit path of the agent goes through here, so the last log lines are never lost.
 */
export function exitAfterFlush(log: AgentLogger, code: number): void {
  const limit = new Promise<void>((resolve) => setTimeout(resolve, LOG_FLUSH_LIMIT_MS).unref());
  void Promise.race([log.close(), limit])
    .catch(() => undefined)
    .finally(() => process.exit(code));
}
