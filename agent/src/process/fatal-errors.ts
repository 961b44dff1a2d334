import type { AgentLogger } from '../lib/logger.js';
import { exitAfterFlush } from './exit.js';

/**
 * A bug or broken invariant crashes the process (start-up recovers). On the way out, remove the
 * discovery file and the lock so the next start is clean, and flush the log that says why.
 */
export function handleFatalErrors(log: AgentLogger, cleanupSync: () => void): void {
  const onFatal = (err: unknown, origin: string): void => {
    log.logger.fatal({ err, origin }, 'fatal error: exiting');
    try {
      cleanupSync();
    } finally {
      exitAfterFlush(log, 1);
    }
  };
  process.on('uncaughtException', (err, origin) => onFatal(err, origin));
  process.on('unhandledRejection', (reason) => onFatal(reason, 'unhandledRejection'));
}
