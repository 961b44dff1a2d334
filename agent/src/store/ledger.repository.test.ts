import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, silentLogger } from '../../test/store/temp-dir.js';
import type { LedgerEventInput } from './ledger-event.js';
import { openStore } from './store.js';
import type { Store } from './store.js';

let temp: ReturnType<typeof makeTempDir>;
let store: Store;
let clockMs = 1_000;

beforeEach(() => {
  temp = makeTempDir();
  clockMs = 1_000;
  store = openStore({
    dataDir: temp.dir,
    environment: 'sim',
    logger: silentLogger,
    nowMs: () => clockMs,
    queue: { maxBatchDelayMs: 1 },
  });
});
afterEach(async () => {
  await store.close();
  temp.remove();
});

function event(n: number, kind = 'market.trade', source = 'kalshi.ws'): LedgerEventInput {
  return { source, sourceEventId: `e-${n}`, kind, payload: { n, priceE4: 5_600 + n }, venueTsMs: 500 + n };
}

describe('LedgerRepository', () => {
  it('appends events and reads them back exactly, in append order', async () => {
    const outcomes = await store.ledger.append([event(1), event(2, 'order.intent')]);
    expect(outcomes).toEqual([
      { isNew: true, id: 1 },
      { isNew: true, id: 2 },
    ]);
    expect(store.ledger.read()).toEqual([
      {
        id: 1,
        source: 'kalshi.ws',
        sourceEventId: 'e-1',
        kind: 'market.trade',
        payload: { n: 1, priceE4: 5_601 },
        venueTsMs: 501,
        ingestTsMs: 1_000,
      },
      {
        id: 2,
        source: 'kalshi.ws',
        sourceEventId: 'e-2',
        kind: 'order.intent',
        payload: { n: 2, priceE4: 5_602 },
        venueTsMs: 502,
        ingestTsMs: 1_000,
      },
    ]);
  });

  it('is idempotent on (source, sourceEventId): replaying the same events twice changes nothing', async () => {
    const batch = Array.from({ length: 50 }, (_, i) => event(i));
    await store.ledger.append(batch);
    const before = store.ledger.read({ limit: 1_000 });
    clockMs = 9_999;
    const replay1 = await store.ledger.append(batch);
    const replay2 = await store.ledger.append([...batch].reverse());
    expect([...replay1, ...replay2].every((o) => !o.isNew)).toBe(true);
    expect(store.ledger.read({ limit: 1_000 })).toEqual(before);
    expect(store.counts()).toMatchObject({ ledger_events: 50 });
  });

  it('keeps the first of two duplicates within one append and reports which were new', async () => {
    await store.ledger.append([event(1)]);
    const outcomes = await store.ledger.append([
      event(2),
      event(1),
      event(2),
      event(3, 'market.trade', 'other.source'),
    ]);
    expect(outcomes.map((o) => o.isNew)).toEqual([true, false, false, true]);
    // The same sourceEventId under another source is a different event.
    expect(store.ledger.get('other.source', 'e-3')).toMatchObject({ kind: 'market.trade' });
  });

  it('gives concurrent callers (written together, 64 rows per statement) their own ids and duplicates', async () => {
    await store.ledger.append([event(5), event(70)]); // stored before: replays below
    const appends = Array.from({ length: 150 }, (_, i) =>
      // Single events, a few pairs; keys repeat across callers (i and i+100 share a key).
      i % 10 === 0 ? [event(i % 100), event(1_000 + i)] : [event(i % 100)],
    );
    const outcomes = await Promise.all(appends.map((events) => store.ledger.append(events)));
    const seen = new Set(['e-5', 'e-70']);
    appends.forEach((events, a) =>
      events.forEach((e, k) => {
        const outcome = outcomes[a]?.[k];
        const stored = store.ledger.get(e.source, e.sourceEventId);
        if (seen.has(e.sourceEventId)) {
          expect(outcome).toEqual({ isNew: false });
        } else {
          seen.add(e.sourceEventId);
          expect(outcome).toEqual({ isNew: true, id: stored?.id });
        }
      }),
    );
    expect(store.counts()).toMatchObject({ ledger_events: seen.size });
    expect(store.queueStats().batchesCommitted).toBeLessThanOrEqual(3);
  });

  it('validates every event before writing any, naming the field', async () => {
    await expect(
      store.ledger.append([event(1), { ...event(2), payload: { at: new Date(0) } }]),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'events[1].payload.at' } });
    await expect(store.ledger.append([{ ...event(3), kind: 'Bad Kind' }])).rejects.toThrow(
      /events\[0\]\.kind: kind must be dotted lower case/,
    );
    await expect(store.ledger.append([{ ...event(4), sourceEventId: '' }])).rejects.toThrow(
      /events\[0\]\.sourceEventId/,
    );
    await expect(store.ledger.append([{ ...event(5), venueTsMs: 1.5 }])).rejects.toThrow(
      /events\[0\]\.venueTsMs/,
    );
    expect(store.ledger.read()).toEqual([]);
  });

  it('reads by kind, after an id cursor, since an ingest time, with a limit', async () => {
    for (let i = 1; i <= 6; i += 1) {
      clockMs = i * 100;
      await store.ledger.append([event(i, i % 2 === 0 ? 'order.intent' : 'market.trade')]);
    }
    expect(store.ledger.readByKind('order.intent').map((e) => e.sourceEventId)).toEqual([
      'e-2',
      'e-4',
      'e-6',
    ]);
    expect(store.ledger.readByKind('order.intent', { afterId: 2 }).map((e) => e.id)).toEqual([4, 6]);
    expect(store.ledger.read({ sinceIngestMs: 400 }).map((e) => e.id)).toEqual([4, 5, 6]);
    expect(
      store.ledger.read({ kind: 'market.trade', sinceIngestMs: 200, limit: 1 }).map((e) => e.id),
    ).toEqual([3]);
    expect(store.ledger.countByKind()).toEqual({ 'market.trade': 3, 'order.intent': 3 });
    expect(store.ledger.get('kalshi.ws', 'missing')).toBeNull();
  });

  it('keeps the ledger append-only at the database level', async () => {
    await store.ledger.append([event(1)]);
    const raw = new Database(store.file);
    try {
      expect(() => raw.prepare("UPDATE ledger_events SET kind = 'x'").run()).toThrow(
        /append-only: UPDATE refused/,
      );
      expect(() => raw.prepare('DELETE FROM ledger_events').run()).toThrow(/append-only: DELETE refused/);
    } finally {
      raw.close();
    }
    expect(store.ledger.read()).toHaveLength(1);
  });
});
