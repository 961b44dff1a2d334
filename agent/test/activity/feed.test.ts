/**
 * The recorder and the feed on a real SQLite store and a real StreamHub: replay idempotency,
 * newest-first keyset pages with no duplicates or gaps (also while appends run), every filter, the
 * index the ticker filter uses, and a foreign cursor refused by name.
 */
import { MAX_ACTIVITY_PAGE } from '@pt/protocol';
import type { ActivityEvent, ActivityKind, ActivityQuery } from '@pt/protocol';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notTraded, orderPlaced, staleData, tradingHalted } from '../../src/activity/index.js';
import type { ActivityInput } from '../../src/activity/index.js';
import { countE2, priceE4 } from '@pt/protocol';
import { activityWorld } from './harness.js';
import type { ActivityWorld } from './harness.js';

const TICKERS = ['KXHIGHNY-25NOV25-B58.5', 'KXHIGHNY-25NOV25-B60.5', 'KXCPI-25DEC-T0.3'];
const KINDS: ActivityKind[] = ['order', 'risk', 'connection', 'not_traded', 'trading_state'];

let w: ActivityWorld;
beforeEach(() => {
  w = activityWorld();
});
afterEach(async () => {
  await w.close();
});

/** Activity number `n`: kind, ticker and time cycle so every filter has several matches. */
function nth(n: number): ActivityInput {
  const ticker = TICKERS[n % TICKERS.length] ?? 'X';
  const kind = KINDS[n % KINDS.length] ?? 'order';
  const base = { key: `test:${n}`, atMs: 1_764_000_000_000 + n * 1_000 };
  if (kind === 'not_traded') {
    return { ...notTraded({ strategyId: 'hype-fade', ticker, reason: 'sentiment_stale' }), ...base };
  }
  if (kind === 'trading_state') return { ...tradingHalted('daily loss limit reached', 'system'), ...base };
  const placed = orderPlaced(
    { ticker, clientOrderId: `pt-${n}` },
    { side: 'bid', priceE4: priceE4(5600), countE2: countE2(100) },
  );
  return { ...placed, ...base, kind };
}

/** Non-activity ledger rows between the activity, like the market data that fills a real ledger. */
async function marketNoise(count: number, from: number): Promise<void> {
  await w.store.ledger.append(
    Array.from({ length: count }, (_, i) => ({
      source: 'kalshi.ws',
      sourceEventId: `trade:${from + i}`,
      kind: 'market.trade',
      payload: { ticker: TICKERS[0], n: from + i },
    })),
  );
}

async function recordMany(count: number): Promise<ActivityEvent[]> {
  const recorded: ActivityEvent[] = [];
  // Submitted 50 at a time: the write queue commits them in submission order, one batch each.
  for (let from = 0; from < count; from += 50) {
    const chunk = Array.from({ length: Math.min(50, count - from) }, (_, i) =>
      w.recorder.record(nth(from + i)),
    );
    const [, ...events] = await Promise.all([marketNoise(20, from * 20), ...chunk]);
    for (const [i, event] of events.entries()) {
      if (event === null || event === undefined) throw new Error(`activity ${from + i} was not new`);
      recorded.push(event);
    }
  }
  return recorded;
}

function walk(query: Omit<ActivityQuery, 'cursor'>): { ids: string[]; pages: number } {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  for (;;) {
    const page = w.feed.page({ ...query, ...(cursor === undefined ? {} : { cursor }) });
    pages += 1;
    if (pages > 10_000) throw new Error('the cursor does not advance');
    ids.push(...page.events.map((event) => event.id));
    if (page.nextCursor === null) return { ids, pages };
    cursor = page.nextCursor;
  }
}

describe('ActivityRecorder', () => {
  it('writes the ledger row, then publishes it; a replay of the same key does neither again', async () => {
    const input = notTraded({
      strategyId: 'hype-fade',
      ticker: TICKERS[0] ?? '',
      reason: 'data_stale',
      key: 'signal:9',
    });
    const first = await w.recorder.record(input);
    const again = await w.recorder.record({ ...input, message: 'a different sentence' });

    expect(first).toMatchObject({ id: 'signal:9', kind: 'not_traded', notTradedReason: 'data_stale' });
    expect(again).toBeNull();
    expect(w.published()).toEqual([first]);
    expect(w.store.ledger.readByKind('activity.not_traded')).toEqual([
      expect.objectContaining({ source: 'agent', sourceEventId: 'signal:9', payload: first }),
    ]);
    expect(w.feed.page({}).events).toEqual([first]);
  });

  it('publishes concurrent records in ledger order', async () => {
    const events = await Promise.all(Array.from({ length: 200 }, (_, n) => w.recorder.record(nth(n))));
    expect(w.published().map((event) => event.id)).toEqual(events.map((event) => event?.id));
    expect(
      w.feed
        .page({ limit: 200 })
        .events.map((event) => event.id)
        .reverse(),
    ).toEqual(events.map((event) => event?.id));
  });

  it('refuses bad input by field and writes nothing', async () => {
    await expect(
      w.recorder.record({ kind: 'risk', severity: 'info', message: 'x', ticker: 'lower-case' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'ticker' },
    });
    await expect(
      w.recorder.record({ kind: 'order', severity: 'info', message: 'x', notTradedReason: 'data_stale' }),
    ).rejects.toMatchObject({
      details: { field: 'notTradedReason' },
    });
    expect(w.published()).toEqual([]);
    expect(w.feed.page({}).events).toEqual([]);
  });

  it('publishes nothing when the store refuses the write', async () => {
    await w.store.close();
    await expect(w.recorder.record(nth(1))).rejects.toMatchObject({ code: 'STORE_BUSY' });
    expect(w.published()).toEqual([]);
  });
});

describe('ActivityFeed', () => {
  it('pages newest first with no duplicates and no gaps, over market data in between', async () => {
    const recorded = await recordMany(1_234);
    const newestFirst = recorded.map((event) => event.id).reverse();
    for (const limit of [1, 7, 100, MAX_ACTIVITY_PAGE]) {
      const { ids, pages } = walk({ limit });
      expect(ids).toEqual(newestFirst);
      expect(pages).toBe(Math.ceil(recorded.length / limit));
    }
  });

  it('stays exact while appends run between pages: new rows never enter older pages', async () => {
    const recorded = await recordMany(600);
    const ids: string[] = [];
    let cursor: string | undefined;
    let n = 10_000;
    for (;;) {
      const page = w.feed.page({ limit: 37, ...(cursor === undefined ? {} : { cursor }) });
      ids.push(...page.events.map((event) => event.id));
      if (ids.length > 10_000) throw new Error('the cursor does not advance');
      // Appends land between every two pages (and activity of every kind, noise too).
      await Promise.all([w.recorder.record(nth(n)), w.recorder.record(nth(n + 1)), marketNoise(5, n)]);
      n += 2;
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(ids).toEqual(recorded.map((event) => event.id).reverse());
  });

  it('filters by ticker, kinds and time, alone and together', async () => {
    const recorded = await recordMany(500);
    const expected = (keep: (event: ActivityEvent) => boolean) =>
      recorded
        .filter(keep)
        .map((event) => event.id)
        .reverse();
    const ticker = TICKERS[1] ?? '';
    const since = 1_764_000_000_000 + 100_000;
    const until = 1_764_000_000_000 + 300_000;
    const cases: [Omit<ActivityQuery, 'cursor'>, (e: ActivityEvent) => boolean][] = [
      [{ ticker: ticker as ActivityQuery['ticker'] }, (e) => e.ticker === ticker],
      [{ kind: ['risk'] }, (e) => e.kind === 'risk'],
      [{ kind: ['order', 'not_traded'] }, (e) => e.kind === 'order' || e.kind === 'not_traded'],
      [{ sinceMs: since }, (e) => e.atMs >= since],
      [{ untilMs: until }, (e) => e.atMs <= until],
      [
        {
          ticker: ticker as ActivityQuery['ticker'],
          kind: ['order', 'risk'],
          sinceMs: since,
          untilMs: until,
        },
        (e) =>
          e.ticker === ticker &&
          (e.kind === 'order' || e.kind === 'risk') &&
          e.atMs >= since &&
          e.atMs <= until,
      ],
      [{ kind: ['fill'] }, () => false],
    ];
    for (const [query, keep] of cases) {
      const want = expected(keep);
      expect(walk({ ...query, limit: 13 }).ids, JSON.stringify(query)).toEqual(want);
    }
    // Activity without a ticker never matches a ticker filter.
    await w.recorder.record(staleData({ kind: 'socket' }, 'silent for 20 s'));
    expect(walk({ ticker: ticker as ActivityQuery['ticker'], limit: 500 }).ids).toEqual(
      expected((e) => e.ticker === ticker),
    );
  });

  it('answers time windows exactly when times do not follow append order', async () => {
    // Times shuffled against ids (a venue time, a late report): the window is by time, the order by id.
    const times = Array.from({ length: 600 }, (_, n) => 1_764_000_000_000 + ((n * 7_919) % 600) * 1_000);
    const recorded: ActivityEvent[] = [];
    for (let from = 0; from < times.length; from += 100) {
      const chunk = times
        .slice(from, from + 100)
        .map((atMs, i) => w.recorder.record({ ...nth(from + i), atMs }));
      for (const event of await Promise.all(chunk)) if (event !== null) recorded.push(event);
    }
    const windows: [number | undefined, number | undefined][] = [
      [undefined, 1_764_000_000_000 + 20_000], // the oldest times: spread over every id
      [1_764_000_000_000 + 590_000, undefined],
      [1_764_000_000_000 + 100_000, 1_764_000_000_000 + 130_000],
      [1_764_000_000_000, undefined], // everything
      [1_764_000_000_000 + 700_000, undefined], // nothing
    ];
    for (const [sinceMs, untilMs] of windows) {
      const keep = (e: ActivityEvent) =>
        (sinceMs === undefined || e.atMs >= sinceMs) && (untilMs === undefined || e.atMs <= untilMs);
      const want = recorded
        .filter(keep)
        .map((event) => event.id)
        .reverse();
      for (const limit of [3, 50]) {
        const query = {
          limit,
          ...(sinceMs === undefined ? {} : { sinceMs }),
          ...(untilMs === undefined ? {} : { untilMs }),
        };
        expect(walk(query).ids, JSON.stringify(query)).toEqual(want);
      }
    }
  });

  it('finds window rows deeper than the newest-first probe reaches', async () => {
    const inWindow = 1_764_000_000_000;
    const outside = inWindow + 10_000_000;
    const order = (n: number, atMs: number): ActivityInput => ({ ...nth(0), key: `order:${n}`, atMs });
    // Orders: 10 in the window, 80 outside, 1 in, 9 outside; then 3 risk rows in the window.
    const plan: ActivityInput[] = [
      ...Array.from({ length: 10 }, (_, n) => order(n, inWindow)),
      ...Array.from({ length: 80 }, (_, n) => order(100 + n, outside)),
      order(200, inWindow),
      ...Array.from({ length: 9 }, (_, n) => order(300 + n, outside)),
      ...Array.from({ length: 3 }, (_, n) => ({ ...nth(1), key: `risk:${n}`, atMs: inWindow })),
    ];
    const recorded = await Promise.all(plan.map((input) => w.recorder.record(input)));
    const want = recorded
      .filter((event) => event !== null && event.atMs === inWindow)
      .map((event) => event?.id)
      .reverse();
    expect(want).toHaveLength(14);
    expect(walk({ untilMs: inWindow, limit: 3 }).ids).toEqual(want);
  });

  it('answers the ticker filter from the partial ticker index', async () => {
    await recordMany(10);
    const db = new Database(w.store.file, { readonly: true });
    try {
      const plan = db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT id, payload FROM ledger_events WHERE kind GLOB 'activity.*'
           AND json_extract(payload, '$.ticker') = @ticker AND kind IN (@k0) AND id < @beforeId
           ORDER BY id DESC LIMIT @limit`,
        )
        .all({ ticker: 'X', k0: 'activity.order', beforeId: 5, limit: 10 });
      expect(JSON.stringify(plan)).toContain('USING INDEX ledger_events_activity_ticker');
    } finally {
      db.close();
    }
  });

  it('refuses a cursor it did not make, naming it', () => {
    let caught: unknown;
    try {
      w.feed.page({ cursor: 'bm9wZQ' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'cursor' } });
  });
});
