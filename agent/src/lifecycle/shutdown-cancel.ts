/**
 * The shutdown cancel (issue 7, venue-side backstop): before the agent exits (signal, tray Quit,
 * fatal error) our resting orders are canceled, each through the execution road (its own outcome
 * in the ledger), all bounded by one deadline; the outcome is logged and returned.
 *
 * Only OUR orders: an order placed on the Kalshi site or another device is the trader's, not this
 * agent's, and closing the agent must not pull it (Flatten All, a deliberate act, cancels those too).
 */
import type { Order } from '@pt/protocol';
import type { Logger } from 'pino';

/** What the shutdown cancel needs of the ExecutionService. */
export interface ShutdownCancelRoad {
  list(): Order[];
  cancel(orderId: string): Promise<Order>;
}

export interface ShutdownCancelReport {
  /** Working orders of ours when the cancel began. */
  readonly working: number;
  /** No longer working after the cancel's answer (canceled, or it filled first). */
  readonly canceled: number;
  /** Answered with an error, or still working after the venue's answer. */
  readonly failed: number;
  /** No answer before the deadline. */
  readonly pending: number;
  readonly isTimedOut: boolean;
}

const WORKING = new Set<Order['status']>(['resting', 'partially_filled']);

export async function cancelRestingForShutdown(
  road: ShutdownCancelRoad,
  options: { deadlineMs: number; logger: Logger },
): Promise<ShutdownCancelReport> {
  const working = road.list().filter((order) => WORKING.has(order.status) && order.orderId !== null);
  let canceled = 0;
  let failed = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'timed_out'>((resolve) => {
    timer = setTimeout(() => resolve('timed_out'), options.deadlineMs);
  });
  const all = Promise.all(
    working.map(async (order) => {
      try {
        const after = await road.cancel(order.orderId ?? '');
        if (WORKING.has(after.status)) failed += 1;
        else canceled += 1;
      } catch (err) {
        failed += 1;
        options.logger.warn({ err, orderId: order.orderId }, 'shutdown cancel failed for an order');
      }
    }),
  ).then(() => 'done' as const);
  const isTimedOut = (await Promise.race([all, deadline])) === 'timed_out';
  clearTimeout(timer);
  const report = {
    working: working.length,
    canceled,
    failed,
    pending: working.length - canceled - failed,
    isTimedOut,
  };
  const log = report.failed > 0 || report.pending > 0 ? options.logger.warn : options.logger.info;
  log.call(
    options.logger,
    { ...report, deadlineMs: options.deadlineMs },
    'shutdown cancel of our resting orders',
  );
  return report;
}
