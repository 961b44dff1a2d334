import type { Logger } from 'pino';

export interface SignalHandlingOptions {
  logger: Logger;
  /** The orderly stop: stop accepting, drain, close, clean up. */
  stop: (reason: string) => Promise<void>;
  /** Last-resort cleanup that must work synchronously (discovery file, lock). */
  cleanupSync: () => void;
  /**
   * After the first signal the process is gone within this, whatever hangs (the contract says 5 s,
   * plus the shutdown cancel's deadline when it is on); a function is read when the signal comes.
   */
  hardDeadlineMs: number | (() => number);
  exit: (code: number) => void;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * SIGINT/SIGTERM: one orderly stop, exit 0. A hard timer bounds it (exit 1: the stop was not clean),
 * and a second signal means "now": clean up what can be cleaned synchronously and exit 1.
 */
export function handleStopSignals(options: SignalHandlingOptions): () => void {
  const { logger, exit } = options;
  let isStopping = false;

  const onSignal = (signal: NodeJS.Signals): void => {
    if (isStopping) {
      logger.warn({ signal }, 'second signal: exiting at once');
      options.cleanupSync();
      exit(1);
      return;
    }
    isStopping = true;
    logger.info({ signal }, 'stopping');
    const hardDeadlineMs =
      typeof options.hardDeadlineMs === 'function' ? options.hardDeadlineMs() : options.hardDeadlineMs;
    const deadline = setTimeout(() => {
      logger.error({ hardDeadlineMs }, 'orderly stop overran its deadline: forcing exit');
      options.cleanupSync();
      exit(1);
    }, hardDeadlineMs);
    deadline.unref();
    options.stop(`signal ${signal}`).then(
      () => {
        clearTimeout(deadline);
        exit(0);
      },
      (err: unknown) => {
        clearTimeout(deadline);
        logger.error({ err }, 'orderly stop failed');
        options.cleanupSync();
        exit(1);
      },
    );
  };

  for (const signal of SIGNALS) process.on(signal, onSignal);
  return () => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
}
