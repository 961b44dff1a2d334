import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../cli.js';
import { loadCapturedFrames } from '../data/ws-frames.js';
import { makeTestSim } from '../server/test-context.js';
import { tickerMsg, tradeMsg } from './frames.js';
import { tickerFrameSchema, tradeFrameSchema } from './schemas.js';

describe('WS frame conformance with real captured production frames', () => {
  const sim = makeTestSim();
  const { exchange } = sim.world;
  const ticker = 'KXHIGHNY-26JAN01-B34.5';
  const placed = exchange.placeOrder('tape', {
    ticker,
    side: 'bid',
    priceE4: 9900,
    countE2: 500,
    timeInForce: 'immediate_or_cancel',
    selfTradePrevention: 'maker',
  });
  const trade = exchange.trades(ticker).at(-1);

  it('ticker: 10 captured frames and the sim frame pass one schema', () => {
    const captured = loadCapturedFrames(DEFAULT_DATA_DIR, 'kalshi_ticker.jsonl');
    expect(captured).toHaveLength(10);
    for (const frame of captured) expect(tickerFrameSchema.safeParse(frame).error).toBeUndefined();
    const view = exchange.getMarket(ticker);
    expect(view).toBeDefined();
    if (!view) return;
    const ours = { type: 'ticker', sid: 1, msg: tickerMsg(view, Date.UTC(2026, 10, 25, 12)) };
    expect(tickerFrameSchema.parse(ours).msg.market_ticker).toBe(ticker);
    // Every field the real capture carries (except its private "Clock" and the removed cent ints) is sent.
    const realKeys = Object.keys((captured[0] as { msg: object }).msg).filter(
      (k) => !['Clock', 'price', 'yes_bid', 'yes_ask', 'volume', 'open_interest'].includes(k),
    );
    expect(realKeys.filter((k) => !(k in ours.msg))).toEqual([]);
  });

  it('trade: 10 captured frames and the sim frame pass one schema', () => {
    expect(placed.ok).toBe(true);
    const captured = loadCapturedFrames(DEFAULT_DATA_DIR, 'kalshi_trade.jsonl');
    expect(captured).toHaveLength(10);
    for (const frame of captured) expect(tradeFrameSchema.safeParse(frame).error).toBeUndefined();
    expect(trade).toBeDefined();
    if (!trade) return;
    const ours = tradeFrameSchema.parse({ type: 'trade', sid: 2, seq: 1, msg: tradeMsg(trade) });
    expect(ours.msg).toMatchObject({
      market_ticker: ticker,
      taker_side: 'yes',
      taker_outcome_side: 'yes',
      taker_book_side: 'bid',
    });
    const realKeys = Object.keys((captured[0] as { msg: object }).msg).filter(
      (k) => !['yes_price', 'no_price', 'count'].includes(k),
    );
    expect(realKeys.filter((k) => !(k in ours.msg))).toEqual([]);
  });

  it('the schemas are not vacuous: a frame with a float price fails', () => {
    const captured = loadCapturedFrames(DEFAULT_DATA_DIR, 'kalshi_trade.jsonl')[0] as {
      msg: Record<string, unknown>;
    };
    expect(
      tradeFrameSchema.safeParse({ ...captured, msg: { ...captured.msg, yes_price_dollars: 0.77 } }).success,
    ).toBe(false);
  });
});
