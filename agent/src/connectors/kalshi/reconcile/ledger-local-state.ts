/**
 * Local belief kept in the ledger, so a restarted agent still knows its own resting orders and its
 * lost creates (issue 5: start-up reconciliation happens "with the ledger").
 *
 * Event-sourced: every change is appended under source `agent.local_state` and acknowledged
 * (COMMIT) BEFORE memory changes, so a crash can leave the ledger ahead of memory (rebuilt at
 * open) but never memory ahead of the ledger. `open` folds the events in ledger id order with the
 * same pure functions the in-memory store uses (`applyPlan`, `withUnknownIntent`,
 * `withOpenOrder`): one semantics for live and replay.
 *
 * Source event ids are deterministic, so a repeated write after a restart is a no-op:
 * - intent: `intent:<client order id>:<hash of the payload>` (the same lost create, seen twice);
 * - accepted order: `order:<order id>:<hash of the payload>`;
 * - plan: `plan:<n>:<hash>`, n = plan events already in the ledger + 1. A per-process sequence
 *   would restart at 1 and collide with the previous run's plans; n is persisted by the ledger
 *   itself, and the hash keeps a different plan at the same n (a second writer) from being
 *   silently dropped as a duplicate.
 * An append answered "already stored" does not change memory: that event is already folded in.
 *
 * `fill_recorded` actions are not stored in plan events: the reconciler ledgers each fill
 * (`kalshi.rest`, `kalshi.fill`, key `fill:<fill id>:<order id>`) before `apply`, and the WS
 * stream ledgers its fills under `kalshi.ws` with the same key. At open, `ledgeredFillKeys` is
 * rebuilt from those rows, BOUNDED: rows ingested in the last `fillKeyWindowMs` (default 24 h, the
 * reconciler's first-run fill lookback), at most `maxFillKeys` (default 100,000, newest kept).
 * An older fill is still recognised: the reconciler also looks every venue fill up in the ledger.
 */
import { createHash } from 'node:crypto';
import type { LedgerAppendOutcome, LedgerEvent, LedgerEventInput } from '../../../store/index.js';
import { WS_LEDGER_SOURCE } from '../ws/ledger-sink.js';
import { applyPlan } from './apply-plan.js';
import type { LocalStateStore } from './local-state.js';
import { emptyLocalState, withOpenOrder, withUnknownIntent } from './local-state-fold.js';
import {
  describeIssue,
  INTENT_RECORDED_KIND,
  IntentRecordedPayload,
  LOCAL_STATE_SOURCE,
  ORDER_ACCEPTED_KIND,
  OrderAcceptedPayload,
  PLAN_APPLIED_KIND,
  PlanAppliedPayload,
} from './local-state-events.js';
import { REST_FILL_KIND, REST_FILL_SOURCE } from './reconciler.js';
import type { LocalOpenOrder, LocalState, ReconcilePlan, UnknownIntent } from './types.js';

export interface LocalStateLedger {
  append(events: readonly LedgerEventInput[]): Promise<LedgerAppendOutcome[]>;
  readByKind(
    kind: string,
    query?: { afterId?: number; sinceIngestMs?: number; limit?: number },
  ): LedgerEvent[];
}

export interface LedgerLocalStateOptions {
  nowMs?: () => number;
  /** Fill rows ingested this long ago or less seed `ledgeredFillKeys` (default 24 h). */
  fillKeyWindowMs?: number;
  /** At most this many fill keys are seeded, the newest (default 100,000). */
  maxFillKeys?: number;
}

const PAGE_ROWS = 10_000;
const DAY_MS = 24 * 3_600_000;

export class LedgerLocalState implements LocalStateStore {
  /** Serialises writes: the plan counter and "ack before memory" need one change at a time. */
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly ledger: LocalStateLedger,
    private state: LocalState,
    private plansStored: number,
  ) {}

  /** Rebuilds local belief from the ledger; throws (naming the ledger id and field) on a bad row. */
  // Async although today's reads are synchronous: a store behind a worker or socket can slot in.
  // eslint-disable-next-line @typescript-eslint/require-await
  static async open(
    ledger: LocalStateLedger,
    options: LedgerLocalStateOptions = {},
  ): Promise<LedgerLocalState> {
    const events = [INTENT_RECORDED_KIND, ORDER_ACCEPTED_KIND, PLAN_APPLIED_KIND]
      .flatMap((kind) => readAll(ledger, kind, undefined))
      .filter((event) => event.source === LOCAL_STATE_SOURCE)
      .sort((a, b) => a.id - b.id);
    let state = emptyLocalState();
    let plansStored = 0;
    for (const event of events) {
      state = foldEvent(state, event);
      if (event.kind === PLAN_APPLIED_KIND) plansStored += 1;
    }
    const nowMs = options.nowMs ?? Date.now;
    const sinceIngestMs = nowMs() - (options.fillKeyWindowMs ?? DAY_MS);
    state = {
      ...state,
      ledgeredFillKeys: recentFillKeys(ledger, sinceIngestMs, options.maxFillKeys ?? 100_000),
    };
    return new LedgerLocalState(ledger, state, plansStored);
  }

  read(): LocalState {
    return this.state;
  }

  apply(plan: ReconcilePlan): Promise<void> {
    return this.serial(async () => {
      const stored = { ...plan, actions: plan.actions.filter((action) => action.kind !== 'fill_recorded') };
      if (stored.actions.length > 0) {
        const payload = PlanAppliedPayload.parse(stored);
        const n = this.plansStored + 1;
        const isNew = await this.appendOne(`plan:${n}:${digest(payload)}`, PLAN_APPLIED_KIND, payload);
        this.plansStored = n;
        if (!isNew) return;
      }
      this.state = applyPlan(this.state, plan);
    });
  }

  recordUnknownIntent(intent: Omit<UnknownIntent, 'checksWithoutMatch'>): Promise<void> {
    return this.serial(async () => {
      // Only the stored fields: a caller's richer object must not leak extra keys into the row.
      const { clientOrderId, ticker, submittedAtMs } = intent;
      const payload = IntentRecordedPayload.parse({ clientOrderId, ticker, submittedAtMs });
      const id = `intent:${payload.clientOrderId}:${digest(payload)}`;
      if (await this.appendOne(id, INTENT_RECORDED_KIND, payload))
        this.state = withUnknownIntent(this.state, payload);
    });
  }

  recordAcceptedOrder(order: Omit<LocalOpenOrder, 'consecutiveMisses'>): Promise<void> {
    return this.serial(async () => {
      const { orderId, clientOrderId, ticker, filledCountE2, remainingCountE2, isExternal } = order;
      const payload = OrderAcceptedPayload.parse({
        orderId,
        clientOrderId,
        ticker,
        filledCountE2,
        remainingCountE2,
        isExternal,
      });
      const id = `order:${payload.orderId}:${digest(payload)}`;
      if (await this.appendOne(id, ORDER_ACCEPTED_KIND, payload))
        this.state = withOpenOrder(this.state, payload);
    });
  }

  private async appendOne(sourceEventId: string, kind: string, payload: unknown): Promise<boolean> {
    const [outcome] = await this.ledger.append([
      { source: LOCAL_STATE_SOURCE, sourceEventId, kind, payload, venueTsMs: null },
    ]);
    return outcome?.isNew === true;
  }

  private serial(work: () => Promise<void>): Promise<void> {
    const run = this.tail.then(work);
    this.tail = run.catch(() => undefined);
    return run;
  }
}

/** One stored event applied to the state; a payload that does not parse is a broken invariant. */
function foldEvent(state: LocalState, event: LedgerEvent): LocalState {
  const fail = (issue: string): never => {
    throw new Error(`ledger row ${event.id} (${event.kind}) has a malformed payload: ${issue}`);
  };
  if (event.kind === INTENT_RECORDED_KIND) {
    const parsed = IntentRecordedPayload.safeParse(event.payload);
    return parsed.success ? withUnknownIntent(state, parsed.data) : fail(describeIssue(parsed.error));
  }
  if (event.kind === ORDER_ACCEPTED_KIND) {
    const parsed = OrderAcceptedPayload.safeParse(event.payload);
    return parsed.success ? withOpenOrder(state, parsed.data) : fail(describeIssue(parsed.error));
  }
  const parsed = PlanAppliedPayload.safeParse(event.payload);
  return parsed.success ? applyPlan(state, parsed.data) : fail(describeIssue(parsed.error));
}

function readAll(ledger: LocalStateLedger, kind: string, sinceIngestMs: number | undefined): LedgerEvent[] {
  const rows: LedgerEvent[] = [];
  let afterId = 0;
  for (;;) {
    const page = ledger.readByKind(kind, {
      afterId,
      limit: PAGE_ROWS,
      ...(sinceIngestMs === undefined ? {} : { sinceIngestMs }),
    });
    rows.push(...page);
    const last = page.at(-1);
    if (last === undefined || page.length < PAGE_ROWS) return rows;
    afterId = last.id;
  }
}

function recentFillKeys(ledger: LocalStateLedger, sinceIngestMs: number, maxKeys: number): Set<string> {
  const keys = readAll(ledger, REST_FILL_KIND, sinceIngestMs)
    .filter((row) => row.source === REST_FILL_SOURCE || row.source === WS_LEDGER_SOURCE)
    .map((row) => row.sourceEventId);
  return new Set(keys.slice(-maxKeys));
}

function digest(payload: unknown): string {
  return createHash('sha256').update(JSON.stringify(payload)).digest('hex').slice(0, 16);
}
