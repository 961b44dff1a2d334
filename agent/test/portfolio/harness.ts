/**
 * The portfolio against the REAL simulator: the execution harness (sim process, SQLite store,
 * started KalshiConnector), the real execution road to trade, real TradingControls on the same
 * store, the real activity recorder and stream hub, and a PortfolioService bound to the connector.
 */
import type { MarketTicker, Order, ServerEvent } from '@pt/protocol';
import { ActivityRecorder } from '../../src/activity/index.js';
import { StreamHub } from '../../src/api/stream/index.js';
import type { KalshiConnector } from '../../src/connectors/kalshi/connector.js';
import { ExecutionService } from '../../src/execution/index.js';
import { PortfolioService } from '../../src/portfolio/index.js';
import { TradingControls } from '../../src/trading-controls/trading-controls.js';
import type { AuthenticatedDevice } from '../../src/auth/types.js';
import { logger, startHarness, waitFor, type Harness } from '../execution/harness.js';

export { logger, waitFor };

export const trader: AuthenticatedDevice = {
  deviceId: 'dev_portfolio0001',
  name: 'Portfolio test',
  origin: 'http://127.0.0.1:47821',
};

export interface PortfolioWorld extends Harness {
  controls: TradingControls;
  execution: ExecutionService;
  portfolio: PortfolioService;
  hub: StreamHub;
  /** Every event published on the hub, in order. */
  published: ServerEvent[];
  /** Lifts the best ask (buy YES) for up to `countE2`; resolves the order once it has filled. */
  buy(ticker: MarketTicker, countE2: number): Promise<Order>;
  /** Hits the best bid (sell YES) for `countE2`. */
  sell(ticker: MarketTicker, countE2: number): Promise<Order>;
  /** Another open market, subscribed and quotable. */
  quotableMarket(prefix: string, exclude: readonly string[]): Promise<MarketTicker>;
}

export async function startPortfolioWorld(seed: number, timeZone = 'UTC'): Promise<PortfolioWorld> {
  const h = await startHarness(seed);
  const hub = new StreamHub();
  const published: ServerEvent[] = [];
  const publish = hub.publish.bind(hub);
  hub.publish = (event) => {
    const seq = publish(event);
    published.push({ ...event, seq });
    return seq;
  };
  const controls = new TradingControls({
    runtime: {
      current: () => ({ environment: 'sim', store: h.store }),
      tradingState: () => h.connector.tradingState(),
      switchingTo: () => undefined,
    },
    logger,
  });
  const activity = new ActivityRecorder({ ledger: () => h.store.ledger, hub });
  const portfolio = PortfolioService.open({
    ledger: h.store.ledger,
    venue: () => h.connector,
    logger,
    timeZone,
    hub,
    activity,
    controls,
    syncEveryMs: 0,
    markEveryMs: 50,
  });
  const execution = ExecutionService.open({
    ledger: h.store.ledger,
    venue: () => h.connector,
    logger,
    activity,
    riskSettings: () => controls.riskSettings(),
    tradingState: () => controls.tradingState(),
    portfolio: () => portfolio.riskInputs(),
  });
  const cross = async (ticker: MarketTicker, side: 'bid' | 'ask', countE2: number) => {
    const book = h.connector.quotableBook(ticker);
    const level = side === 'bid' ? book?.yesAsks[0] : book?.yesBids[0];
    if (level === undefined) throw new Error(`no ${side === 'bid' ? 'ask' : 'bid'} on ${ticker}`);
    const result = await execution.place(
      {
        ticker,
        side,
        priceE4: level.priceE4,
        countE2: Math.min(countE2, level.countE2),
        timeInForce: 'immediate_or_cancel',
        maxSlippageE4: 9_999,
      },
      { kind: 'manual' },
    );
    if (result.kind !== 'order') throw new Error(`denied: ${result.denial.rule} ${result.denial.detail}`);
    if (result.order.filledCountE2 === 0) throw new Error(`nothing filled on ${ticker}`);
    return result.order;
  };
  return {
    ...h,
    controls,
    execution,
    portfolio,
    hub,
    published,
    buy: (ticker, countE2) => cross(ticker, 'bid', countE2),
    sell: (ticker, countE2) => cross(ticker, 'ask', countE2),
    quotableMarket: (prefix, exclude) => quotableMarket(h.connector, prefix, exclude),
    close: async () => {
      execution.close();
      portfolio.close();
      await h.close();
    },
  };
}

async function quotableMarket(
  connector: KalshiConnector,
  prefix: string,
  exclude: readonly string[],
): Promise<MarketTicker> {
  const markets = await connector.http.getMarkets({ status: 'open', limit: 200 });
  for (const market of markets.items) {
    if (!market.ticker.startsWith(prefix) || exclude.includes(market.ticker)) continue;
    if (market.yesAskE4 <= 0 || market.yesBidE4 <= 0) continue;
    connector.subscribeMarkets([market.ticker]);
    const book = await waitFor(() => connector.quotableBook(market.ticker) ?? undefined, 10_000).catch(
      () => null,
    );
    if ((book?.yesAsks.length ?? 0) > 0 && (book?.yesBids.length ?? 0) > 0) return market.ticker;
  }
  throw new Error(`no quotable open ${prefix} market with both sides`);
}
