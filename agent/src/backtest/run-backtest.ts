/**
 * The backtest loop. One pass over the replayed events in time order; for each event at time t:
 * (1) clock ticks due before t for markets holding a position, (2) the event becomes the market's
 * latest data (its quote, its mark), (3) the SAME strategy code sees it, and each intent goes
 * through the SAME risk engine (`evaluateOrder`, running positions and cash as inputs) and then
 * into the simulator's matching engine against a book rebuilt from the latest quote ≤ t. Our
 * fills go back to the strategy as `fill` events. Nothing after t has been read when the strategy
 * runs: items are consumed strictly in order and the venue only receives quotes already replayed.
 */
import { MarketTicker } from '@pt/protocol';
import type { Fill } from '@pt/sim/engine';
import { evaluateOrder } from '../risk/evaluate.js';
import type { LosingExit } from '../risk/types.js';
import type { RiskSettings } from '../risk/settings.js';
import type { StrategyDefinition } from '../strategies/registry.js';
import type {
  BookTopEvent,
  Decision,
  IntentDecision,
  StrategyContext,
  StrategyEvent,
} from '../strategies/core/types.js';
import { BacktestAccount } from './account.js';
import { riskIntentOf, riskSnapshotOf } from './risk-inputs.js';
import type { ReplayData } from './replay-data.js';
import type { ModelOutputs } from './model-outputs.js';
import { BacktestVenue } from './venue.js';

const DAY_MS = 86_400_000;
const PROGRESS_EVERY = 8_192;

export interface BacktestOptions {
  readonly definition: StrategyDefinition;
  /** The strategy config, already parsed with its schema (defaults filled in). */
  readonly config: unknown;
  readonly data: ReplayData;
  readonly seed: number;
  readonly startingCashE6: number;
  readonly riskSettings: RiskSettings;
  /** Clock tick interval for markets holding a position (exits on the time limit). */
  readonly clockIntervalMs: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** The signal model's prediction per replay item (`--model`); absent = no model output. */
  readonly model?: ModelOutputs | undefined;
}

export interface BacktestFill {
  readonly ticker: string;
  readonly side: 'bid' | 'ask';
  readonly atMs: number;
  readonly priceE4: number;
  readonly countE2: number;
  readonly feeE6: number;
  readonly isReduceOnly: boolean;
  readonly reason: string;
}

export interface BacktestResult {
  /** Data events and clock ticks the strategy saw. */
  readonly events: number;
  /** Of which recorded data events (book tops and trades). */
  readonly dataEvents: number;
  readonly clockTicks: number;
  readonly markets: number;
  readonly fromMs: number;
  readonly toMs: number;
  readonly fills: readonly BacktestFill[];
  readonly filledOrders: number;
  readonly feesE6: number;
  readonly account: BacktestAccount;
  readonly notTraded: Readonly<Record<string, number>>;
  readonly riskDenied: Readonly<Record<string, number>>;
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** The markets the config trades: its list, or every market of the data set when the list is empty. */
export function selectMarkets(definition: StrategyDefinition, config: unknown, data: ReplayData): boolean[] {
  const wanted = definition.tickersOf(config);
  if (wanted.length === 0) return data.markets.map(() => true);
  const known = new Set(data.markets.map((m) => m.ticker));
  const missing = wanted.filter((t) => !known.has(t));
  if (missing.length > 0) {
    throw new Error(`config: market(s) ${missing.join(', ')} are not in data set ${data.name}`);
  }
  const set = new Set(wanted);
  return data.markets.map((m) => set.has(m.ticker));
}

export function runBacktest(options: BacktestOptions): BacktestResult {
  const { definition, config, data, riskSettings } = options;
  const { strategy } = definition;
  const markets = data.markets;
  const isSelected = selectMarkets(definition, config, data);
  const tickers = markets.map((m) => MarketTicker.parse(m.ticker));
  const tickerIndex = new Map(markets.map((m, i) => [m.ticker, i]));
  const tickerOf = (ticker: string): MarketTicker => {
    const index = tickerIndex.get(ticker);
    const branded = index === undefined ? undefined : tickers[index];
    if (branded === undefined) throw new Error(`backtest: position in unknown market ${ticker}`);
    return branded;
  };
  const states: unknown[] = markets.map((m, i) => (isSelected[i] ? strategy.init(config, m.ticker) : null));
  const contexts: StrategyContext[] = markets.map((m) => ({ closeTimeMs: m.closeTimeMs }));
  const quotes: (BookTopEvent | null)[] = markets.map(() => null);
  const nextTickMs: number[] = markets.map(() => Number.POSITIVE_INFINITY);
  const isTickPaused: boolean[] = markets.map(() => false);
  const held: number[] = [];
  const venue = new BacktestVenue(options.seed, options.startingCashE6);
  const account = new BacktestAccount(markets.length, options.startingCashE6);
  const fills: BacktestFill[] = [];
  const notTraded: Record<string, number> = {};
  const riskDenied: Record<string, number> = {};
  const recentOrderTimesMs: number[] = [];
  let losingExits: LosingExit[] = [];
  let filledOrders = 0;
  let feesE6 = 0;
  let dataEvents = 0;
  let clockTicks = 0;
  let nowMs = 0;
  let nextDayMs = Number.NEGATIVE_INFINITY;
  let dayStartEquityE6 = options.startingCashE6;

  const advanceTo = (atMs: number): void => {
    nowMs = atMs;
    if (atMs >= nextDayMs) {
      dayStartEquityE6 = account.equityE6;
      nextDayMs = (Math.floor(atMs / DAY_MS) + 1) * DAY_MS;
    }
  };

  const deliver = (market: number, event: StrategyEvent, ctx?: StrategyContext): boolean => {
    const step = strategy.onEvent(
      states[market],
      event,
      ctx ?? contexts[market] ?? { closeTimeMs: null },
      config,
    );
    states[market] = step.state;
    let isVenueUnmoved = false;
    for (const decision of step.decisions) isVenueUnmoved = handle(market, decision) || isVenueUnmoved;
    return isVenueUnmoved;
  };

  /** True when an order reached the venue and nothing came of it (the same book would answer the same). */
  const handle = (market: number, decision: Decision): boolean => {
    if (decision.kind === 'not_traded') {
      bump(notTraded, decision.reason);
      return false;
    }
    return send(market, decision);
  };

  const send = (market: number, intent: IntentDecision): boolean => {
    const info = markets[market];
    const ticker = tickers[market];
    if (info === undefined || ticker === undefined || intent.ticker !== info.ticker) {
      throw new Error(`backtest: intent for ${intent.ticker} from the strategy of market ${info?.ticker}`);
    }
    const quote = quotes[market] ?? null;
    while (
      recentOrderTimesMs.length > 0 &&
      (recentOrderTimesMs[0] ?? 0) <= nowMs - riskSettings.orderRateWindowMs
    ) {
      recentOrderTimesMs.shift();
    }
    losingExits = losingExits.filter((e) => nowMs - e.atMs < riskSettings.lossCooldownMs);
    const involved = [...new Set([...held, market])].map((i) => ({
      ticker: tickers[i] ?? ticker,
      market: markets[i] ?? info,
      book: quotes[i] ?? null,
    }));
    const snapshot = riskSnapshotOf({
      nowMs,
      positions: venue.positions(),
      involved,
      availableE6: venue.availableE6,
      todayPnlE6: account.equityE6 - dayStartEquityE6,
      recentOrderTimesMs,
      losingExits,
      tickerOf,
    });
    const decision = evaluateOrder(riskIntentOf(ticker, intent), snapshot, riskSettings);
    if (!decision.ok) {
      bump(riskDenied, decision.rule);
      return false;
    }
    if (quote === null) {
      bump(notTraded, 'book_not_quotable');
      return false;
    }
    recentOrderTimesMs.push(nowMs);
    const result = venue.place(nowMs, info, quote, intent);
    if (result.kind === 'rejected') {
      bump(notTraded, `venue_rejected:${result.code}`);
      return true;
    }
    if (result.kind === 'not_filled') {
      bump(notTraded, 'ioc_not_filled');
      return true;
    }
    onFilled(market, intent, result.fills, result.cashDeltaE6);
    return false;
  };

  const onFilled = (
    market: number,
    intent: IntentDecision,
    orderFills: readonly Fill[],
    cashDeltaE6: number,
  ) => {
    filledOrders += 1;
    const before = account.positionE2[market] ?? 0;
    let after = before;
    for (const fill of orderFills) {
      feesE6 += fill.feeE6;
      after = fill.postPositionE2;
      fills.push({
        ticker: fill.ticker,
        side: fill.side,
        atMs: nowMs,
        priceE4: fill.yesPriceE4,
        countE2: fill.countE2,
        feeE6: fill.feeE6,
        isReduceOnly: intent.isReduceOnly,
        reason: intent.reason,
      });
    }
    const trip = account.applyOrder(market, after, cashDeltaE6, nowMs);
    if (trip !== null && trip.pnlE6 < 0)
      losingExits.push({ ticker: tickers[market] ?? tickerOf(intent.ticker), atMs: nowMs });
    if (before === 0 && after !== 0) {
      held.push(market);
      nextTickMs[market] = nowMs + options.clockIntervalMs;
      isTickPaused[market] = false;
    } else if (before !== 0 && after === 0) {
      held.splice(held.indexOf(market), 1);
      nextTickMs[market] = Number.POSITIVE_INFINITY;
    }
    account.record(nowMs);
    for (const fill of orderFills) {
      deliver(market, {
        type: 'fill',
        atMs: nowMs,
        ticker: fill.ticker,
        side: fill.side,
        priceE4: fill.yesPriceE4,
        countE2: fill.countE2,
      });
    }
  };

  /** Clock ticks due strictly before `untilMs`, across held markets in time order. */
  const tickHeld = (untilMs: number): void => {
    for (;;) {
      let market = -1;
      let atMs = untilMs;
      for (const m of held) {
        const due = nextTickMs[m] ?? Number.POSITIVE_INFINITY;
        if (!isTickPaused[m] && due < atMs && due <= (markets[m]?.closeTimeMs ?? 0)) {
          market = m;
          atMs = due;
        }
      }
      if (market < 0) return;
      advanceTo(atMs);
      nextTickMs[market] = atMs + options.clockIntervalMs;
      clockTicks += 1;
      // An order sent on a tick that came to nothing would meet the same book until new data
      // arrives; a risk denial is not paused (the order-rate window, say, moves with time).
      if (deliver(market, { type: 'clock', atMs })) isTickPaused[market] = true;
    }
  };

  const model = options.model;
  if (model !== undefined && model.up.length !== data.items.length) {
    throw new Error(
      `backtest: model outputs cover ${model.up.length} events, the data has ${data.items.length}`,
    );
  }
  /** The market's context with the model's prediction for item i, when there is one. */
  const modelContext = (i: number, market: number): StrategyContext | undefined => {
    if (model === undefined) return undefined;
    const probabilityUp = model.up[i] ?? Number.NaN;
    if (Number.isNaN(probabilityUp)) return undefined;
    return {
      closeTimeMs: markets[market]?.closeTimeMs ?? null,
      model: { id: model.id, probabilityUp, probabilityDown: model.down[i] ?? Number.NaN },
    };
  };

  const items = data.items;
  const total = items.length;
  let fromMs: number | null = null;
  let toMs = 0;
  for (let i = 0; i < total; i += 1) {
    if (options.onProgress !== undefined && i % PROGRESS_EVERY === 0) options.onProgress(i, total);
    const item = items[i];
    if (item === undefined || !isSelected[item.market]) continue;
    const { event, market } = item;
    if (held.length > 0) tickHeld(event.atMs);
    advanceTo(event.atMs);
    if (fromMs === null) {
      fromMs = event.atMs;
      account.recordAlways(event.atMs);
    }
    toMs = event.atMs;
    if (event.type === 'book') {
      quotes[market] = event;
      isTickPaused[market] = false;
      if (event.bestBidE4 !== null && event.bestAskE4 !== null && event.isQuotable) {
        if (account.mark(market, Math.round((event.bestBidE4 + event.bestAskE4) / 2)))
          account.record(event.atMs);
      }
    }
    dataEvents += 1;
    deliver(market, event, modelContext(i, market));
  }
  if (held.length > 0) tickHeld(Number.POSITIVE_INFINITY);
  options.onProgress?.(total, total);
  account.recordAlways(Math.max(toMs, nowMs));
  return {
    events: dataEvents + clockTicks,
    dataEvents,
    clockTicks,
    markets: isSelected.filter(Boolean).length,
    fromMs: fromMs ?? 0,
    toMs: Math.max(toMs, nowMs),
    fills,
    filledOrders,
    feesE6,
    account,
    notTraded,
    riskDenied,
  };
}
