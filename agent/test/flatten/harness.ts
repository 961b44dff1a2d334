/**
 * Flatten All on the REAL simulator: the execution harness (sim, SQLite store, started
 * KalshiConnector) plus real TradingControls on that store, the ExecutionService, an activity
 * recorder and a StreamHub, and the FlattenService wired to them as the agent wires it.
 */
import type { MarketTicker, OrderSide } from '@pt/protocol';
import { ActivityRecorder } from '../../src/activity/index.js';
import { StreamHub } from '../../src/api/stream/index.js';
import { ExecutionService } from '../../src/execution/index.js';
import { warmBook } from '../../src/execution/warm-book.js';
import { FlattenService, readPositions } from '../../src/flatten/index.js';
import { DEFAULT_RISK_SETTINGS } from '../../src/risk/index.js';
import { TradingControls } from '../../src/trading-controls/index.js';
import { laptop } from '../../src/trading-controls/test-store.js';
import { logger, startHarness, waitFor, type Harness } from '../execution/harness.js';

export { logger, waitFor };

export interface FlattenHarness extends Harness {
  controls: TradingControls;
  execution: ExecutionService;
  hub: StreamHub;
  flatten: FlattenService;
  /** Open markets with a full book on both sides (not the harness's weather market). */
  tickers: MarketTicker[];
}

export async function startFlattenHarness(seed: number): Promise<FlattenHarness> {
  const base = await startHarness(seed);
  const { store, connector } = base;
  const controls = new TradingControls({
    runtime: {
      current: () => ({ environment: 'sim', store }),
      tradingState: () => connector.tradingState(),
      switchingTo: () => undefined,
    },
    logger,
  });
  const hub = new StreamHub();
  const activity = new ActivityRecorder({ ledger: () => store.ledger, hub });
  const execution = ExecutionService.open({
    ledger: store.ledger,
    venue: () => connector,
    logger,
    activity,
    tradingState: () => controls.tradingState(),
    // The tests place many manual orders a minute to set positions up.
    riskSettings: () => ({ ...DEFAULT_RISK_SETTINGS, maxOrdersPerWindow: 10_000 }),
  });
  const flatten = new FlattenService({
    controls,
    execution: () => execution,
    venue: () => connector,
    ledger: () => store.ledger,
    hub,
    activity,
    logger,
    passPauseMs: 100,
  });
  const markets = await connector.http.getMarkets({ status: 'open', limit: 200 });
  const tickers = markets.items
    .filter((m) => /^(KXFEDMENTION|KXNBAGAME|KXU3|KXGDPYEAR|KXPAYROLLS|KXACPI)/.test(m.ticker))
    .map((m) => m.ticker);
  return {
    ...base,
    controls,
    execution,
    hub,
    flatten,
    tickers,
    close: async () => {
      execution.close();
      await base.close();
    },
  };
}

/** The trader switches trading back on (clears the flatten halt) and the venue gate is open. */
export async function resumeTrading(h: FlattenHarness): Promise<void> {
  if (h.controls.tradingState().mode !== 'active')
    await h.controls.setMode({ mode: 'active', reason: 'test: trading again' }, laptop);
  await waitFor(() => (h.controls.tradingState().mode === 'active' ? true : undefined), 30_000);
}

/**
 * A real position: a marketable IOC through the manual road against the replayed book, walking
 * it for `countE2`. `long` buys YES (position > 0), `short` sells YES (position < 0).
 */
export async function takePosition(
  h: FlattenHarness,
  ticker: MarketTicker,
  direction: 'long' | 'short',
  countE2: number,
): Promise<number> {
  await warmBook(h.connector, ticker);
  const book = h.connector.quotableBook(ticker);
  const levels = direction === 'long' ? book?.yesAsks : book?.yesBids;
  let covered = 0;
  let priceE4: number | undefined;
  for (const level of levels ?? []) {
    if (covered >= countE2) break;
    covered += level.countE2;
    priceE4 = level.priceE4;
  }
  if (priceE4 === undefined) throw new Error(`no ${direction === 'long' ? 'ask' : 'bid'} on ${ticker}`);
  const side: OrderSide = direction === 'long' ? 'bid' : 'ask';
  const result = await h.execution.place(
    { ticker, side, priceE4, countE2, timeInForce: 'immediate_or_cancel', maxSlippageE4: 9_999 },
    { kind: 'manual' },
  );
  if (result.kind !== 'order') throw new Error(`denied: ${result.denial.rule} ${result.denial.detail}`);
  if (result.order.filledCountE2 === 0) throw new Error(`nothing filled on ${ticker}`);
  return positionOn(h, ticker);
}

/** A GTC bid far below the book: it rests. */
export async function restingBid(h: FlattenHarness, ticker: MarketTicker): Promise<void> {
  const result = await h.execution.place(
    {
      ticker,
      side: 'bid',
      priceE4: 100,
      countE2: 100,
      timeInForce: 'good_till_canceled',
      maxSlippageE4: 9_999,
    },
    { kind: 'manual' },
  );
  if (result.kind !== 'order' || result.order.status !== 'resting') throw new Error('the bid did not rest');
}

export async function positionOn(h: FlattenHarness, ticker: string): Promise<number> {
  const positions = await readPositions(h.connector);
  return positions.find((p) => p.ticker === ticker)?.positionE2 ?? 0;
}

/** Every order on the venue (any status), for counting what a run sent. */
export async function venueOrderCount(h: FlattenHarness): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await h.connector.http.getOrders({
      limit: 1000,
      ...(cursor === undefined ? {} : { cursor }),
    });
    count += page.items.length;
    cursor = page.items.length === 0 ? undefined : page.cursor || undefined;
  } while (cursor !== undefined);
  return count;
}

/** Our flatten orders in the journal. */
export function flattenOrders(h: FlattenHarness) {
  return h.execution.list().filter((order) => order.origin.kind === 'flatten');
}
