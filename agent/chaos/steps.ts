/**
 * Steps several scenarios share: picking a fresh market with a two-sided book, a resting order, a
 * real position (a marketable IOC), the refusal of a new order, and the venue's orders for one
 * client order id. Every order goes through the agent's API exactly as the PWA sends it.
 */
import { OrderResponse, StatusResponse, type MarketTicker, type Order } from '@pt/protocol';
import type { ChaosContext } from './context.js';
import { check } from './types.js';
import type { VenueOrderRow } from './invariants/views.js';

/** Series whose replayed books are two-sided and deep (the weather markets are left to the crash steps). */
const SERIES = /^(KXFEDMENTION|KXNBAGAME|KXU3|KXGDPYEAR|KXPAYROLLS|KXACPI)/;
const used = new Set<string>();

export interface PickedMarket {
  ticker: MarketTicker;
  bestAskE4: number;
}

/** An open market no earlier step used, with a YES ask (a losing exit puts a market in cooldown). */
export async function freshMarket(ctx: ChaosContext): Promise<PickedMarket> {
  const http = ctx.rig.otherAccount();
  const markets = await http.getMarkets({ status: 'open', limit: 200 });
  for (const market of markets.items) {
    if (!SERIES.test(market.ticker) || used.has(market.ticker)) continue;
    const book = await http.getOrderbook(market.ticker);
    const bestNo = Math.max(0, ...book.noBids.map((level) => level.priceE4));
    const bestYes = Math.max(0, ...book.yesBids.map((level) => level.priceE4));
    if (bestNo <= 0 || bestYes <= 0) continue;
    used.add(market.ticker);
    return { ticker: market.ticker, bestAskE4: 10_000 - bestNo };
  }
  throw new Error('the sim serves no unused open market with a two-sided book');
}

async function placed(res: Response, what: string): Promise<Order> {
  const text = await res.text();
  check(res.status === 201 || res.status === 200, `${what} answered ${res.status}: ${text}`);
  return OrderResponse.parse(JSON.parse(text)).order;
}

/** A GTC bid at 1¢ that rests; the agent's order. */
export async function placeResting(ctx: ChaosContext, ticker: MarketTicker, label: string): Promise<Order> {
  const order = await placed(
    await ctx.call('POST', '/v1/orders', ctx.restingBid(ticker, ctx.clientOrderId(label))),
    'the resting bid',
  );
  check(order.status === 'resting', `the resting bid is ${order.status}: ${order.statusDetail ?? ''}`);
  return order;
}

/** Buys one YES contract at the ask with a marketable IOC: a real position on the venue. */
export async function takePosition(ctx: ChaosContext, market: PickedMarket, label: string): Promise<Order> {
  const order = await placed(
    await ctx.call('POST', '/v1/orders', {
      ticker: market.ticker,
      side: 'bid',
      priceE4: Math.min(9_900, market.bestAskE4 + 200),
      countE2: 100,
      timeInForce: 'immediate_or_cancel',
      maxSlippageE4: 9_999,
      clientOrderId: ctx.clientOrderId(label),
    }),
    'the marketable bid',
  );
  check(order.filledCountE2 > 0, `the marketable bid on ${market.ticker} filled nothing (${order.status})`);
  return order;
}

/**
 * Tries a new order while trading must be closed: the agent must refuse it (4xx, no order) and the
 * venue must hold no order for its client order id. Returns the status the agent answered.
 */
export async function expectRefused(ctx: ChaosContext, ticker: MarketTicker, label: string): Promise<number> {
  const clientOrderId = ctx.clientOrderId(label);
  const res = await ctx.call('POST', '/v1/orders', ctx.restingBid(ticker, clientOrderId));
  const text = await res.text();
  check(res.status >= 400 && res.status < 500, `a new order was not refused: ${res.status} ${text}`);
  check(
    (await venueOrdersFor(ctx, clientOrderId)).length === 0,
    `the refused order ${clientOrderId} reached the venue`,
  );
  return res.status;
}

export async function venueOrdersFor(ctx: ChaosContext, clientOrderId: string): Promise<VenueOrderRow[]> {
  return ctx.rig.venueOrders(clientOrderId);
}

export async function status(ctx: ChaosContext): Promise<StatusResponse> {
  return StatusResponse.parse(await (await ctx.call('GET', '/v1/status')).json());
}

export function seconds(fromMs: number): string {
  return `${((Date.now() - fromMs) / 1000).toFixed(1)} s`;
}
