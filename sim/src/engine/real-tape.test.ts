import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Exchange } from './exchange.js';
import { ceilToCentE6, TAKER_RATE_E6, tradeFeeExact } from './fees.js';
import { manualClock, marketSpec } from './test-helpers.js';

/**
 * Replays real Kalshi prints (RECSSNBER-25, ../shared/data/kalshi-trades, see its PROVENANCE.md)
 * through the engine: for each print a maker rests the opposite side at the printed price and a
 * taker crosses it with IOC. The engine's tape, volume, fees and accounting must reproduce the
 * recording exactly.
 */
const CSV = new URL(
  '../../../../shared/data/kalshi-trades/trade_level_data_recession_annual.csv',
  import.meta.url,
);
const PRINTS = 3_000;
const USERS = ['u0', 'u1', 'u2', 'u3', 'u4'];

interface Print {
  count: number;
  yesCents: number;
  takerSide: 'yes' | 'no';
  createdMs: number;
}

function loadPrints(): Print[] {
  const rows = readFileSync(CSV, 'utf8').split('\n').slice(1);
  const prints: Print[] = [];
  for (const row of rows) {
    const [, , ticker, count, created, yes, , taker] = row.split(',');
    if (ticker !== 'RECSSNBER-25' || !count || !created || !yes || (taker !== 'yes' && taker !== 'no'))
      continue;
    prints.push({
      count: Number(count),
      yesCents: Number(yes),
      takerSide: taker,
      createdMs: Date.parse(created),
    });
  }
  // The file is newest-first; replay in time order.
  return prints.sort((a, b) => a.createdMs - b.createdMs).slice(0, PRINTS);
}

describe('real tape replay (RECSSNBER-25)', () => {
  it('reproduces real prints: tape, volume, taker fees and conservation', () => {
    const prints = loadPrints();
    expect(prints.length).toBe(PRINTS);
    const clock = manualClock(prints[0]?.createdMs);
    const exchange = new Exchange({ clock: clock.now, seed: 25 });
    const spec = marketSpec({
      ticker: 'RECSSNBER-25',
      eventTicker: 'RECSSNBER-25',
      seriesTicker: 'RECSSNBER',
    });
    exchange.addMarket(spec);
    for (const user of USERS) exchange.deposit(user, 1_000_000_000_000);
    let expectedTakerFeesE6 = 0;
    let volumeE2 = 0;
    prints.forEach((print, i) => {
      clock.advance(Math.max(0, print.createdMs - clock.now()));
      const priceE4 = print.yesCents * 100;
      const countE2 = print.count * 100;
      const maker = USERS[i % USERS.length] ?? 'u0';
      const taker = USERS[(i + 1 + (i % 3)) % USERS.length] ?? 'u1';
      // taker_side yes = the taker bought YES, so the maker rested the ask (a NO bid).
      const takerSide = print.takerSide === 'yes' ? 'bid' : 'ask';
      const makerSide = takerSide === 'bid' ? 'ask' : 'bid';
      const base = { ticker: spec.ticker, priceE4, countE2, selfTradePrevention: 'taker_at_cross' as const };
      expect(
        exchange.placeOrder(maker, { ...base, side: makerSide, timeInForce: 'good_till_canceled' }).ok,
      ).toBe(true);
      const took = exchange.placeOrder(taker, {
        ...base,
        side: takerSide,
        timeInForce: 'immediate_or_cancel',
      });
      if (!took.ok) throw new Error(`${took.error.code}: ${took.error.details}`);
      expect(took.order).toMatchObject({ status: 'executed', fillCountE2: countE2 });
      expectedTakerFeesE6 += ceilToCentE6(tradeFeeExact(TAKER_RATE_E6, 10_000, countE2, priceE4));
      volumeE2 += countE2;
    });
    const tape = exchange.trades(spec.ticker);
    expect(
      tape.map((t) => [t.yesPriceE4 / 100, t.countE2 / 100, t.takerSide === 'bid' ? 'yes' : 'no']),
    ).toEqual(prints.map((p) => [p.yesCents, p.count, p.takerSide]));
    const view = exchange.getMarket(spec.ticker);
    expect(view).toMatchObject({ volumeE2, lastPriceE4: (prints.at(-1)?.yesCents ?? 0) * 100 });
    expect(exchange.book(spec.ticker)).toMatchObject({ yes: [], no: [] });
    const fills = USERS.flatMap((u) => exchange.listFills(u));
    // With whole-cent prices and whole contracts, each taker pays Kalshi's classic round-up-to-the-cent fee.
    expect(fills.filter((f) => f.isTaker).reduce((s, f) => s + f.feeE6, 0)).toBe(expectedTakerFeesE6);
    expect(fills.filter((f) => !f.isTaker).every((f) => f.feeE6 === 0)).toBe(true);
    const positions = USERS.map((u) => exchange.positions(u)[0]?.positionE2 ?? 0);
    expect(positions.reduce((a, b) => a + b, 0)).toBe(0);
    const cash = USERS.reduce((s, u) => s + exchange.balance(u).balanceE6, 0);
    expect(cash + expectedTakerFeesE6 + (view?.openInterestE2 ?? 0) * 10_000).toBe(
      USERS.length * 1_000_000_000_000,
    );
  });
});
