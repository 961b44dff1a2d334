import type { AgentLogger } from '../lib/logger.js';
import { exitAfterFlush } from './exit.js';

/**
 * A bug or broken invariant crashes the process (start-up recovers). On the way out, run
 * `beforeExit` once if given (the shutdown cancel of resting orders: it bounds itself and never
 * rejects), remove the discovery file and the lock so the next start is clean, and flush the log
 * that says why.
 */
export function handleFatalErrors(
  log: AgentLogger,
  cleanupSync: () => void,
  beforeExit?: () => Promise<void>,
): void {
  let isExiting = false;
  const exit = (): void => {
    try {
      cleanupSync();
    } finally {
      exitAfterFlush(log, 1);
    }
  };
  const onFatal = (err: unknown, origin: string): void => {
    log.logger.fatal({ err, origin }, 'fatal error: exiting');
    if (isExiting) return;
    isExiting = true;
    if (beforeExit === undefined) return exit();
    beforeExit().then(exit, exit);
  };
  process.on('uncaughtException', (err, origin) => onFatal(err, origin));
  process.on('unhandledRejection', (reason) => onFatal(reason, 'unhandledRejection'));
}
