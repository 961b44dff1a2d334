/**
 * Our orders: each one's intent and lifecycle, kept in the ledger and in memory. Ledger first:
 * an intent or a transition is acknowledged (COMMIT) before memory changes, so a crash leaves the
 * ledger ahead of memory (rebuilt by `open`), never behind it. Each order's intent and
 * transitions are applied one at a time (a promise chain per order), so its sequence numbers never
 * collide; a new order's intent does not wait for other orders' commits.
 */
import type { ClientOrderId, MarketTicker, Order, PriceE4 } from '@pt/protocol';
import { Order as OrderSchema } from '@pt/protocol';
import type { LedgerAppendOutcome, LedgerEvent, LedgerEventInput } from '../store/index.js';
import {
  EXECUTION_SOURCE,
  INTENT_KIND,
  IntentPayload,
  TRANSITION_KIND,
  TransitionPayload,
} from './execution-events.js';
import {
  filledOf,
  isTerminal,
  newLifecycle,
  remainingOf,
  transition,
  type IllegalTransition,
  type LifecycleEvent,
  type OrderLifecycle,
} from './order-lifecycle.js';

export interface JournalLedger {
  /**
   * `isUrgent`: commit at once rather than after the batch delay (the intent an order waits on);
   * `isFsyncOptional`: acknowledged without an fsync (see the store's `EnqueueOptions`).
   */
  append(
    events: readonly LedgerEventInput[],
    options?: { isUrgent?: boolean; isFsyncOptional?: boolean },
  ): Promise<LedgerAppendOutcome[]>;
  readByKind(kind: string, query?: { afterId?: number; limit?: number }): LedgerEvent[];
}

interface OrderRecord {
  intent: IntentPayload;
  lifecycle: OrderLifecycle;
  priceE4: PriceE4;
  seq: number;
  updatedAtMs: number;
}

export type ApplyResult =
  { ok: true; order: Order } | { ok: false; illegal: IllegalTransition; order: Order };

const PAGE_ROWS = 10_000;

export class OrderJournal {
  private readonly records = new Map<ClientOrderId, OrderRecord>();
  private readonly tails = new Map<string, Promise<unknown>>();

  private constructor(
    private readonly ledger: JournalLedger,
    private readonly nowMs: () => number,
  ) {}

  /** Rebuilds our orders from the ledger; a row that does not parse is a broken invariant (throws). */
  static open(ledger: JournalLedger, nowMs: () => number = Date.now): OrderJournal {
    const journal = new OrderJournal(ledger, nowMs);
    const rows = [...readAll(ledger, INTENT_KIND), ...readAll(ledger, TRANSITION_KIND)]
      .filter((row) => row.source === EXECUTION_SOURCE)
      .sort((a, b) => a.id - b.id);
    for (const row of rows) journal.replay(row);
    return journal;
  }

  get(clientOrderId: string): Order | undefined {
    const record = this.records.get(clientOrderId as ClientOrderId);
    return record === undefined ? undefined : toOrder(record);
  }

  byOrderId(orderId: string): Order | undefined {
    for (const record of this.records.values())
      if (record.lifecycle.orderId === orderId) return toOrder(record);
    return undefined;
  }

  list(): Order[] {
    return [...this.records.values()].map(toOrder);
  }

  /** Orders not finished yet: a pre-trade check's read, without re-parsing the whole history. */
  workingOrders(): Order[] {
    const working: Order[] = [];
    for (const record of this.records.values())
      if (!isTerminal(record.lifecycle.status)) working.push(toOrder(record));
    return working;
  }

  /** Every order's creation time (the order-rate rule). */
  createdTimesMs(): number[] {
    return [...this.records.values()].map((record) => record.intent.createdAtMs);
  }

  /** Markets with an order whose outcome is not known: no new writes there until reconciled. */
  unknownTickers(): MarketTicker[] {
    const tickers = new Set<MarketTicker>();
    for (const record of this.records.values())
      if (record.lifecycle.status === 'unknown') tickers.add(record.intent.ticker);
    return [...tickers];
  }

  /** Records the intent (acknowledged) before anything is sent. */
  recordIntent(intent: IntentPayload): Promise<Order> {
    return this.serial(intent.clientOrderId, async () => {
      const payload = IntentPayload.parse(intent);
      const existing = this.records.get(payload.clientOrderId);
      if (existing !== undefined) return toOrder(existing);
      await this.ledger.append(
        [
          {
            source: EXECUTION_SOURCE,
            sourceEventId: `intent:${payload.clientOrderId}`,
            kind: INTENT_KIND,
            payload,
            venueTsMs: null,
          },
        ],
        // Not fsync'd: durable against a process crash; an intent lost with the OS is recovered by
        // reconciliation, which imports the venue's order with our client order id prefix as ours.
        { isUrgent: true, isFsyncOptional: true },
      );
      const record = fromIntent(payload);
      this.records.set(payload.clientOrderId, record);
      return toOrder(record);
    });
  }

  /** Applies one lifecycle event: an illegal one is reported and not recorded. */
  apply(clientOrderId: ClientOrderId, event: LifecycleEvent, priceE4?: PriceE4): Promise<ApplyResult> {
    return this.serial(clientOrderId, async () => {
      const record = this.records.get(clientOrderId);
      if (record === undefined) throw new Error(`no order with client order id ${clientOrderId}`);
      const result = transition(record.lifecycle, event);
      if (!result.ok) return { ok: false, illegal: result.illegal, order: toOrder(record) };
      const atMs = this.nowMs();
      const payload = TransitionPayload.parse({
        clientOrderId,
        seq: record.seq + 1,
        event,
        ...(priceE4 === undefined ? {} : { priceE4 }),
        atMs,
      });
      await this.ledger.append([
        {
          source: EXECUTION_SOURCE,
          sourceEventId: `tx:${clientOrderId}:${payload.seq}`,
          kind: TRANSITION_KIND,
          payload,
          venueTsMs: null,
        },
      ]);
      const next = { ...record, lifecycle: result.state, seq: payload.seq, updatedAtMs: atMs };
      if (priceE4 !== undefined) next.priceE4 = priceE4;
      this.records.set(clientOrderId, next);
      return { ok: true, order: toOrder(next) };
    });
  }

  private replay(row: LedgerEvent): void {
    if (row.kind === INTENT_KIND) {
      const intent = IntentPayload.parse(row.payload);
      if (!this.records.has(intent.clientOrderId)) this.records.set(intent.clientOrderId, fromIntent(intent));
      return;
    }
    const payload = TransitionPayload.parse(row.payload);
    const record = this.records.get(payload.clientOrderId);
    if (record === undefined) throw new Error(`ledger row ${row.id}: a transition without its intent`);
    const result = transition(record.lifecycle, payload.event as LifecycleEvent);
    this.records.set(payload.clientOrderId, {
      ...record,
      lifecycle: result.ok ? result.state : record.lifecycle,
      priceE4: payload.priceE4 ?? record.priceE4,
      seq: Math.max(record.seq, payload.seq),
      updatedAtMs: payload.atMs,
    });
  }

  /** One chain per order: its sequence numbers never collide, and other orders never wait for it. */
  private serial<T>(clientOrderId: string, work: () => Promise<T>): Promise<T> {
    const run = (this.tails.get(clientOrderId) ?? Promise.resolve()).then(work);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(clientOrderId, tail);
    void tail.then(() => {
      if (this.tails.get(clientOrderId) === tail) this.tails.delete(clientOrderId);
    });
    return run;
  }
}

function fromIntent(intent: IntentPayload): OrderRecord {
  return {
    intent,
    lifecycle: newLifecycle(intent.countE2),
    priceE4: intent.priceE4,
    seq: 0,
    updatedAtMs: intent.createdAtMs,
  };
}

function toOrder(record: OrderRecord): Order {
  const { intent, lifecycle } = record;
  return OrderSchema.parse({
    orderId: lifecycle.orderId,
    clientOrderId: intent.clientOrderId,
    ticker: intent.ticker,
    side: intent.side,
    priceE4: record.priceE4,
    countE2: lifecycle.countE2,
    filledCountE2: filledOf(lifecycle),
    remainingCountE2: remainingOf(lifecycle),
    timeInForce: intent.timeInForce,
    status: lifecycle.status,
    origin: intent.origin,
    statusDetail: lifecycle.statusDetail,
    createdAtMs: intent.createdAtMs,
    updatedAtMs: record.updatedAtMs,
  });
}

function readAll(ledger: JournalLedger, kind: string): LedgerEvent[] {
  const rows: LedgerEvent[] = [];
  let afterId = 0;
  for (;;) {
    const page = ledger.readByKind(kind, { afterId, limit: PAGE_ROWS });
    rows.push(...page);
    const last = page.at(-1);
    if (last === undefined || page.length < PAGE_ROWS) return rows;
    afterId = last.id;
  }
}
