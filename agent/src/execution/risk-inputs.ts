/**
 * Builds the risk engine's snapshot for one order from what the connector exposes: the trading
 * switch, the quotable book, and REST reads (market, event, balance, positions, resting orders)
 * through the connector's limiter. One capture per decision; a read that fails refuses the order
 * (VENUE_UNAVAILABLE): a decision is never made on a guess.
 *
 * Known gaps (documented in README.md): today's realized and marked P&L are 0 (no P&L module
 * yet), `losingExits` is empty (no cooldown source yet), a mutually exclusive event is treated as
 * not exhaustive (the conservative reading), and stale data is what the book layer says
 * (`quotableBook` null = not quotable).
 */
import type { MarketTicker, Order, TradingState } from '@pt/protocol';
import { moneyE6, topOfBook } from '@pt/protocol';
import { collectAll } from '../connectors/kalshi/http/paginate.js';
import type { VenueOrder } from '../connectors/kalshi/http/types.js';
import { AgentError } from '../lib/errors.js';
import {
  restingOrderFromProtocol,
  type BookQuote,
  type EventGroup,
  type RestingOrder,
  type RiskSnapshot,
} from '../risk/index.js';
import { marketState } from './risk-cache-markets.js';
import type { ExecutionVenue, PortfolioRiskInputs } from './types.js';

export interface SnapshotInputs {
  venue: ExecutionVenue;
  ticker: MarketTicker;
  /** Our orders (the journal), for working orders not yet on the venue list (and the order rate). */
  ourOrders: readonly Order[];
  /** Our orders' creation times for the order rate; default `ourOrders`' (pass it when those are only the working ones). */
  recentOrderTimesMs?: readonly number[] | undefined;
  /** Markets blocked by an unresolved outcome. */
  unknownOutcomeTickers: readonly MarketTicker[];
  /** An order leaving the snapshot (amend: the order being replaced). */
  excludeOrderId?: string | undefined;
  nowMs: number;
  tradingState?: TradingState | undefined;
  /** Today's P&L and losing exits (the portfolio module); undefined = zeros and none. */
  portfolio?: PortfolioRiskInputs | undefined;
}

export async function captureRiskSnapshot(inputs: SnapshotInputs): Promise<RiskSnapshot> {
  const { venue, ticker, nowMs } = inputs;
  const state = inputs.tradingState ?? venue.tradingState();
  try {
    const [market, exchange, balance, positions, resting] = await Promise.all([
      venue.http.getMarket(ticker),
      venue.http.getExchangeStatus(),
      venue.http.getBalance(),
      collectAll(async (cursor) => {
        const page = await venue.http.getPositions({
          limit: 1000,
          ...(cursor === undefined ? {} : { cursor }),
        });
        return { items: page.marketPositions, cursor: page.cursor };
      }),
      collectAll((cursor) =>
        venue.http.getOrders({ status: 'resting', limit: 1000, ...(cursor === undefined ? {} : { cursor }) }),
      ),
    ]);
    const event = await venue.http.getEvent(market.eventTicker);
    return {
      mode: state.mode,
      nowMs,
      isExchangePaused: !exchange.isExchangeActive || !exchange.isTradingActive,
      positions: positions.map((position) => ({
        ticker: position.ticker,
        positionCountE2: position.positionE2,
        costE6: position.marketExposureE6,
      })),
      restingOrders: restingOrders(resting, inputs.ourOrders, inputs.excludeOrderId),
      books: [bookQuote(venue, ticker)],
      markets: [marketState(market)],
      events: event.event.isMutuallyExclusive
        ? [
            {
              eventTicker: event.event.eventTicker,
              marketTickers: event.markets.map((m) => m.ticker),
              isExhaustive: false,
            } satisfies EventGroup,
          ]
        : [],
      balanceE6: balance.balanceE6,
      todayRealizedPnlE6: inputs.portfolio?.todayRealizedPnlE6 ?? moneyE6(0),
      todayMarkedPnlE6: inputs.portfolio?.todayMarkedPnlE6 ?? moneyE6(0),
      recentOrderTimesMs: inputs.recentOrderTimesMs ?? inputs.ourOrders.map((order) => order.createdAtMs),
      unknownOutcomeTickers: inputs.unknownOutcomeTickers,
      losingExits: inputs.portfolio?.losingExits ?? [],
    };
  } catch (err) {
    throw new AgentError(
      'VENUE_UNAVAILABLE',
      'The venue did not answer the pre-trade checks; nothing was sent',
      { retryable: true },
      undefined,
      { cause: err },
    );
  }
}

/** The venue's resting orders (ours and external), plus ours not on that list yet (submitting, unknown). */
function restingOrders(
  venueOrders: readonly VenueOrder[],
  ours: readonly Order[],
  excludeOrderId: string | undefined,
): RestingOrder[] {
  const onVenue = new Set<string>(venueOrders.map((order) => order.orderId));
  const fromVenue = venueOrders
    .filter((order) => order.orderId !== excludeOrderId && order.remainingCountE2 > 0)
    .map((order): RestingOrder => ({
      ticker: order.ticker,
      side: 'yes',
      action: order.bookSide === 'bid' ? 'buy' : 'sell',
      priceE4: order.yesPriceE4,
      remainingCountE2: order.remainingCountE2,
    }));
  const notListed = ours
    .filter((order) => order.orderId === null || !onVenue.has(order.orderId))
    .filter((order) => order.orderId === null || order.orderId !== excludeOrderId)
    .filter((order) => order.status === 'submitting' || order.status === 'unknown')
    .flatMap((order) => {
      const resting = restingOrderFromProtocol(order);
      return resting === null ? [] : [resting];
    });
  return [...fromVenue, ...notListed];
}

/** The market's quotable book as the engine's quote (no book = stale, not quotable). */
export function bookQuote(venue: Pick<ExecutionVenue, 'quotableBook'>, ticker: MarketTicker): BookQuote {
  const book = venue.quotableBook(ticker);
  if (book === null) return { ticker, bestBidE4: null, bestAskE4: null, isQuotable: false, isStale: true };
  const top = topOfBook(book);
  return {
    ticker,
    bestBidE4: top.bidPriceE4,
    bestAskE4: top.askPriceE4,
    isQuotable: book.isQuotable,
    isStale: false,
  };
}
