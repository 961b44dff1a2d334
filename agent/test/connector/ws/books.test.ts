/**
 * Against the real simulator: subscribe → snapshot → deltas → a quotable book equal to REST
 * `/markets/{t}/orderbook`; a seq-gap fault → every book of the sid unquotable → re-seeded by
 * get_snapshot → quotable again and still equal to REST.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MarketTicker } from '@pt/protocol';
import { FED_MARKET, openTickers, startStreamHarness, until, type StreamHarness } from './stream-harness.js';

type Levels = [string, string][];

/** REST book as sorted `[priceE4, countE2]` pairs per side, for comparison with the WS book. */
async function restBook(
  h: StreamHarness,
  ticker: MarketTicker,
): Promise<{ yes: number[][]; no: number[][] }> {
  const { json } = await h.rest('GET', `/markets/${ticker}/orderbook?depth=0`);
  const book = (json as { orderbook_fp: { yes_dollars: Levels; no_dollars: Levels } }).orderbook_fp;
  const convert = (levels: Levels): number[][] =>
    levels
      .map(([p, c]) => [Math.round(Number(p) * 10_000), Math.round(Number(c) * 100)])
      .sort((a, b) => (b[0] ?? 0) - (a[0] ?? 0));
  return { yes: convert(book.yes_dollars), no: convert(book.no_dollars) };
}

function wsBook(h: StreamHarness, ticker: MarketTicker): { yes: number[][]; no: number[][] } | null {
  const book = h.books.get(ticker);
  if (book === undefined) return null;
  return {
    yes: book.levels('yes').map((l) => [l.priceE4, l.countE2]),
    no: book.levels('no').map((l) => [l.priceE4, l.countE2]),
  };
}

/** The live weather books move; equality must hold at some instant (checked repeatedly). */
async function expectMatchesRest(h: StreamHarness, ticker: MarketTicker): Promise<void> {
  let last = '';
  await until(
    async () => {
      const rest = await restBook(h, ticker);
      const ws = wsBook(h, ticker);
      last = JSON.stringify({ rest, ws });
      return h.books.get(ticker)?.isQuotable === true && JSON.stringify(rest) === JSON.stringify(ws);
    },
    10_000,
    `WS book of ${ticker} to equal REST (last: ${last})`,
  );
}

describe('KalshiStream books against the simulator', () => {
  let h: StreamHarness;
  let weather: MarketTicker[];

  beforeAll(async () => {
    h = await startStreamHarness({ sim: { speed: 60 } });
    weather = (await openTickers(h, 'KXHIGHNY-')).slice(0, 3);
    expect(weather.length).toBe(3);
    await h.stream.start();
    h.stream.subscribeMarkets([FED_MARKET, ...weather]);
  }, 90_000);

  afterAll(async () => {
    await h?.close();
  });

  it('snapshot then deltas give a quotable book equal to REST /orderbook', async () => {
    await until(
      () => [FED_MARKET, ...weather].every((t) => h.books.get(t)?.isQuotable === true),
      15_000,
      'quotable books',
    );
    const fed = h.books.get(FED_MARKET);
    expect(fed?.bestYesBid()).not.toBeNull();
    expect(fed?.bestYesAsk()).not.toBeNull();
    await expectMatchesRest(h, FED_MARKET);
    // deltas flow on the replayed weather markets, and the books keep matching REST
    const before = weather.map((t) => h.books.get(t)?.version ?? 0);
    await until(
      () => weather.some((t, i) => (h.books.get(t)?.version ?? 0) > (before[i] ?? 0)),
      15_000,
      'a delta',
    );
    for (const t of weather) await expectMatchesRest(h, t);
    const state = h.stream.state();
    expect(state.socket).toBe('open');
    expect(state.channels.orderbook_delta.sid).not.toBeNull();
    expect(state.markets[FED_MARKET]).toMatchObject({ hasSnapshot: true, isQuotable: true, isStale: false });
    expect(h.contract.state().status).toBe('green');
  }, 60_000);

  it('seq gap fault: every book of the sid unquotable at once, resynced by snapshot, quotable again', async () => {
    const all = [FED_MARKET, ...weather];
    const unquotableAtGap: boolean[][] = [];
    const off = h.stream.onEvent((e) => {
      if (e.type === 'gap' && e.channel === 'orderbook_delta')
        unquotableAtGap.push(all.map((t) => h.books.get(t)?.isQuotable === false));
    });
    const gap = h.waitFor('gap', (e) => e.channel === 'orderbook_delta', 30_000);
    const res = await h.sim.admin('/faults/ws/seq-gap');
    expect(res.status).toBe(200);
    const event = await gap;
    off();
    expect(event.gotSeq).toBe(event.expectedSeq + 1);
    // at the moment the gap was seen, ALL books of the sid were already unquotable
    expect(unquotableAtGap[0]).toEqual(all.map(() => true));
    await until(
      () => all.every((t) => h.books.get(t)?.isQuotable === true),
      15_000,
      'books re-seeded by get_snapshot',
    );
    await expectMatchesRest(h, FED_MARKET);
    expect(h.stream.state().reconnects).toBe(0); // re-seeded in place, no reconnect needed
  }, 60_000);

  it('adds a market to the live subscription (update_subscription add_markets) and removes it again', async () => {
    const sidBefore = h.stream.state().channels.orderbook_delta.sid;
    const extra = (await openTickers(h, 'KXHIGHNY-')).find((t) => !weather.includes(t));
    expect(extra).toBeDefined();
    if (extra === undefined) return;
    h.stream.subscribeMarkets([extra]);
    await until(() => h.books.get(extra)?.isQuotable === true, 15_000, 'added market quotable');
    expect(h.stream.state().channels.orderbook_delta.sid).toBe(sidBefore); // same subscription, not a new one
    await expectMatchesRest(h, extra);
    h.stream.unsubscribeMarkets([extra]);
    expect(h.books.get(extra)).toBeUndefined();
    expect(h.stream.state().markets[extra]).toBeUndefined();
    // the other books are untouched and still quotable
    expect(h.books.get(FED_MARKET)?.isQuotable).toBe(true);
  }, 60_000);
});
