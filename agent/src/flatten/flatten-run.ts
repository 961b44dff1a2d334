/**
 * One Flatten All run, step by step: persistent halt → cancel all + verify → read every venue
 * position → passes of reduce-only IOC orders per market, re-reading positions after each, until
 * flat, out of liquidity or past the deadline → the final report. Every step calls `progress`
 * (stream + activity feed). Failures are report lines, never a half-told run.
 */
import { formatCountFp, formatPriceDollars } from '@pt/protocol';
import type { ExecutionService } from '../execution/index.js';
import { cancelAndVerify } from './cancel-step.js';
import { workMarket } from './market-step.js';
import type { MarketProgress, ReportBuilder } from './report.js';
import { messageOf, readPositions, sleep, withRetries, type FlattenVenue } from './venue-reads.js';

export interface FlattenStep {
  /** Unique within the run (`halt`, `cancel`, `positions`, `market:<ticker>:pass-<n>`, `done`). */
  readonly step: string;
  readonly message: string;
  readonly ticker?: string;
  readonly severity?: 'info' | 'warning' | 'error' | 'critical';
}

export interface FlattenRunDeps {
  /** The persistent system halt (TradingControls.haltBySystem('flatten', reason)). */
  halt: (reason: string) => Promise<unknown>;
  execution: () => Pick<ExecutionService, 'cancelAll' | 'place'>;
  venue: () => FlattenVenue | null;
  progress: (step: FlattenStep) => void;
  nowMs: () => number;
  /** Pause between passes, so the streamed book catches up with the fills (default 250 ms). */
  passPauseMs?: number;
}

/** Hard cap on passes, whatever the deadline (each pass sends at most one order per market). */
const MAX_PASSES = 40;
const BOOK_WAIT_MS = 3_000;

export async function runFlatten(deps: FlattenRunDeps, report: ReportBuilder): Promise<void> {
  const { progress } = deps;
  try {
    await deps.halt(`Flatten All ${report.flattenId}`);
    report.isHaltPersisted = true;
    progress({ step: 'halt', message: 'trading halted (persistent) until a trader switches it back on' });
  } catch (err) {
    // The halt holds in this process even when its record failed (TradingControls' rule).
    progress({ step: 'halt', message: `halt not recorded: ${messageOf(err)}`, severity: 'critical' });
  }
  const deadlineAtMs = deps.nowMs() + report.deadlineMs;
  const venue = deps.venue();
  let execution: Pick<ExecutionService, 'cancelAll' | 'place'>;
  try {
    if (venue === null) throw new Error('No venue is connected');
    execution = deps.execution();
  } catch (err) {
    return fail(deps, report, messageOf(err));
  }
  const cancel = await cancelAndVerify(execution, venue);
  report.cancel = {
    canceled: cancel.canceled,
    unknown: cancel.unknown,
    survivors: cancel.survivors,
    isVerified: cancel.isVerified,
  };
  progress({
    step: 'cancel',
    message: cancel.isVerified
      ? `${cancel.canceled} resting order(s) canceled; the venue lists none`
      : `resting orders not verified canceled: ${cancel.trouble ?? 'unknown'}`,
    severity: cancel.isVerified ? 'info' : 'error',
  });
  const first = await readAll(venue);
  if (first instanceof Error)
    return fail(deps, report, `The venue positions could not be read: ${first.message}`);
  report.applyPositions(first);
  report.positionsBefore = report.working().length;
  progress({
    step: 'positions',
    message: `${report.positionsBefore} market(s) with a position on the venue`,
  });
  await workPasses(deps, report, venue, execution, deadlineAtMs);
  report.finish(deps.nowMs());
  const left = report.list().filter((m) => m.status === 'residual');
  progress({
    step: 'done',
    message:
      left.length === 0
        ? 'every position is flat'
        : `${left.length} market(s) left: ${left.map((m) => `${m.ticker} (${m.reason})`).join(', ')}`,
    severity: left.length === 0 ? 'info' : 'warning',
  });
}

async function workPasses(
  deps: FlattenRunDeps,
  report: ReportBuilder,
  venue: FlattenVenue,
  execution: Pick<ExecutionService, 'place'>,
  deadlineAtMs: number,
): Promise<void> {
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const working = report.working();
    if (working.length === 0 || deps.nowMs() >= deadlineAtMs) return;
    const exchange = await venue.http.getExchangeStatus().catch(() => null);
    const isExchangeTrading =
      exchange === null ? null : exchange.isExchangeActive && exchange.isTradingActive;
    const fills = await Promise.all(
      working.map((market) =>
        passOnMarket(deps, venue, execution, report, market, pass, isExchangeTrading, deadlineAtMs),
      ),
    );
    const positions = await readAll(venue);
    if (positions instanceof Error) {
      for (const market of report.working())
        report.leave(market, 'venue_error', `Positions could not be re-read: ${positions.message}`);
      return;
    }
    report.applyPositions(positions);
    deps.progress({
      step: `positions:pass-${pass}`,
      message: `${report.working().length} market(s) still open after pass ${pass}`,
    });
    if (!fills.some((filled) => filled > 0)) return;
    await sleep(deps.passPauseMs ?? 250);
  }
}

/** One market, one pass; returns the contracts filled. */
async function passOnMarket(
  deps: FlattenRunDeps,
  venue: FlattenVenue,
  execution: Pick<ExecutionService, 'place'>,
  report: ReportBuilder,
  market: MarketProgress,
  pass: number,
  isExchangeTrading: boolean | null,
  deadlineAtMs: number,
): Promise<number> {
  const step = `market:${market.ticker}:pass-${pass}`;
  const result = await workMarket(execution, venue, {
    ticker: market.ticker,
    positionE2: market.positionAfterE2,
    maxSlippageE4: report.maxSlippageE4,
    isExchangeTrading,
    bookWaitMs: Math.max(0, Math.min(BOOK_WAIT_MS, deadlineAtMs - deps.nowMs())),
  });
  if (result.kind === 'leave') {
    // A create that went counts as sent, whatever its answer (a lost one may have filled).
    if (result.order !== undefined) market.ordersSent += 1;
    report.leave(market, result.reason, result.detail);
    deps.progress({
      step,
      ticker: market.ticker,
      message: `left (${result.reason}): ${result.detail}`,
      severity: 'warning',
    });
    return 0;
  }
  if (result.kind === 'wait') {
    market.pending = { reason: result.reason, detail: result.detail };
    deps.progress({ step, ticker: market.ticker, message: `nothing sent: ${result.detail}` });
    return 0;
  }
  const { order } = result;
  market.ordersSent += 1;
  market.filledCountE2 += order.filledCountE2;
  market.pending =
    order.filledCountE2 > 0
      ? null
      : {
          reason: 'no_liquidity',
          detail: `An IOC ${order.side} at $${formatPriceDollars(order.priceE4)} filled nothing`,
        };
  deps.progress({
    step,
    ticker: market.ticker,
    message: `IOC ${order.side} ${formatCountFp(order.countE2)} at $${formatPriceDollars(order.priceE4)}: ${formatCountFp(order.filledCountE2)} filled`,
  });
  return order.filledCountE2;
}

async function readAll(venue: FlattenVenue): Promise<Map<string, number> | Error> {
  try {
    const positions = await withRetries(() => readPositions(venue));
    return new Map(positions.map((p) => [p.ticker, p.positionE2]));
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

function fail(deps: FlattenRunDeps, report: ReportBuilder, failure: string): void {
  report.failure = failure;
  report.finish(deps.nowMs());
  deps.progress({ step: 'done', message: `could not flatten: ${failure}`, severity: 'critical' });
}
