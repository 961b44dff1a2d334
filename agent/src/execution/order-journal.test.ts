import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientOrderId, MarketTicker, OrderId, countE2, priceE4 } from '@pt/protocol';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { EXECUTION_SOURCE, INTENT_KIND, TRANSITION_KIND } from './execution-events.js';
import { OrderJournal } from './order-journal.js';

const logger = pino({ level: 'silent' });
const dirs: string[] = [];
const stores: Store[] = [];

function store(dir = mkdtempSync(join(tmpdir(), 'pt-journal-'))): { store: Store; dir: string } {
  if (!dirs.includes(dir)) dirs.push(dir);
  const opened = openStore({ dataDir: dir, environment: 'sim', logger });
  stores.push(opened);
  return { store: opened, dir };
}

afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const coid = ClientOrderId.parse('pt-journal-1');
const orderId = OrderId.parse('8c1a3b7e-0000-4000-8000-0000000000aa');
const intent = {
  clientOrderId: coid,
  ticker: MarketTicker.parse('KXTEST-26NOV25-T50'),
  side: 'bid' as const,
  priceE4: priceE4(4_500),
  countE2: countE2(1_000),
  timeInForce: 'good_till_canceled' as const,
  reduceOnly: false,
  origin: { kind: 'manual' as const },
  createdAtMs: 1_000,
};

describe('OrderJournal (real SQLite ledger)', () => {
  it('records the intent before anything else, then each legal transition; a reopen rebuilds the same orders', async () => {
    const { store: first, dir } = store();
    let now = 1_000;
    const journal = OrderJournal.open(first.ledger, () => now);
    await journal.recordIntent(intent);
    expect(first.ledger.readByKind(INTENT_KIND).map((row) => row.sourceEventId)).toEqual([`intent:${coid}`]);
    now = 2_000;
    await journal.apply(coid, { type: 'sent' });
    await journal.apply(coid, { type: 'ack', orderId, filledCountE2: 200, remainingCountE2: 800 });
    await journal.apply(coid, { type: 'fill', fillId: 't1', orderId, countE2: 300 });
    now = 3_000;
    await journal.apply(coid, { type: 'amend_ack', countE2: 600 }, priceE4(4_600));
    const illegal = await journal.apply(coid, { type: 'reject', detail: 'late' });
    expect(illegal.ok).toBe(false);
    const before = journal.get(coid);
    expect(before).toMatchObject({
      status: 'partially_filled',
      orderId,
      filledCountE2: 300,
      remainingCountE2: 300,
      countE2: 600,
      priceE4: 4_600,
      updatedAtMs: 3_000,
    });
    const rows = first.ledger.readByKind(TRANSITION_KIND).filter((row) => row.source === EXECUTION_SOURCE);
    expect(rows.map((row) => row.sourceEventId)).toEqual([1, 2, 3, 4].map((n) => `tx:${coid}:${n}`));
    await first.close();
    stores.splice(0);

    const { store: second } = store(dir);
    const reopened = OrderJournal.open(second.ledger);
    expect(reopened.get(coid)).toEqual(before);
    expect(reopened.byOrderId(orderId)).toEqual(before);
    // Sequence numbers continue: the next transition is the 5th, not a silently dropped duplicate.
    await reopened.apply(coid, { type: 'cancel_ack', reducedByE2: 300 });
    expect(second.ledger.readByKind(TRANSITION_KIND).at(-1)?.sourceEventId).toBe(`tx:${coid}:5`);
    expect(reopened.get(coid)?.status).toBe('canceled');
  });

  it('the same intent twice is one order and one ledger row; unknown orders block their market', async () => {
    const { store: s } = store();
    const journal = OrderJournal.open(s.ledger);
    await Promise.all([journal.recordIntent(intent), journal.recordIntent(intent)]);
    expect(journal.list()).toHaveLength(1);
    expect(s.ledger.readByKind(INTENT_KIND)).toHaveLength(1);
    expect(journal.unknownTickers()).toEqual([]);
    await journal.apply(coid, { type: 'outcome_unknown', detail: 'timeout' });
    expect(journal.unknownTickers()).toEqual([intent.ticker]);
    await journal.apply(coid, { type: 'venue_state', orderId, state: 'resting', filledCountE2: 0 });
    expect(journal.unknownTickers()).toEqual([]);
  });

  it("one chain per order: an order's transitions keep consecutive sequence numbers, another order's intent does not queue behind them", async () => {
    const { store: s } = store();
    const journal = OrderJournal.open(s.ledger);
    await journal.recordIntent(intent);
    const pending = [
      journal.apply(coid, { type: 'sent' }),
      journal.apply(coid, { type: 'ack', orderId, filledCountE2: 0, remainingCountE2: 1_000 }),
      journal.apply(coid, { type: 'fill', fillId: 't1', orderId, countE2: 100 }),
      journal.apply(coid, { type: 'fill', fillId: 't2', orderId, countE2: 100 }),
    ];
    const other = ClientOrderId.parse('pt-journal-2');
    await journal.recordIntent({ ...intent, clientOrderId: other, createdAtMs: 2_000 });
    await Promise.all(pending);
    const transitions = s.ledger.readByKind(TRANSITION_KIND);
    expect(transitions.map((row) => row.sourceEventId)).toEqual([1, 2, 3, 4].map((n) => `tx:${coid}:${n}`));
    const otherIntent = s.ledger
      .readByKind(INTENT_KIND)
      .find((row) => row.sourceEventId === `intent:${other}`);
    expect(otherIntent?.id).toBeLessThan(transitions.at(-1)?.id ?? 0);
    expect(journal.workingOrders().map((o) => o.clientOrderId)).toEqual([coid, other]);
    expect(journal.createdTimesMs()).toEqual([1_000, 2_000]);
    await journal.apply(coid, { type: 'cancel_ack', reducedByE2: 800 });
    expect(journal.workingOrders().map((o) => o.clientOrderId)).toEqual([other]);
  });
});
