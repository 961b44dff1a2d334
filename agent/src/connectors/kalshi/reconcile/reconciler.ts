/**
 * Runs one reconciliation end to end: close the gate, read local state, fetch the venue snapshot,
 * plan, write new fills to the ledger, apply the plan, reopen the gate. Any failure leaves the
 * gate halted with the reason (fail closed: no trading on a guess). Runs are single-flight; a
 * request during a run (e.g. a WS reconnect) queues exactly one more run after it, because the
 * running one may have fetched before the events it should now account for.
 */
import type { Logger } from 'pino';
import type { LedgerAppendOutcome, LedgerEventInput } from '../../../store/index.js';
import { isKalshiRequestError } from '../http/request-error.js';
import type { ReconcileReport } from '../venue-connector.js';
import { fetchVenueSnapshot, type SnapshotHttp } from './fetch-snapshot.js';
import type { LocalStateStore } from './local-state.js';
import { planReconciliation } from './plan.js';
import type { TradingGate } from './trading-gate.js';
import {
  DEFAULT_RECONCILE_OPTIONS,
  fillKey,
  type LocalState,
  type ReconcileAction,
  type ReconcileOptions,
  type VenueFillView,
  type VenueSnapshot,
} from './types.js';
import { WS_LEDGER_SOURCE } from '../ws/ledger-sink.js';

export interface FillLedger {
  append(events: readonly LedgerEventInput[]): Promise<LedgerAppendOutcome[]>;
  /** The store's `ledger.get`: lets a pass skip fills already ledgered (by REST or by the WS). */
  get?(source: string, sourceEventId: string): unknown;
}

export interface ReconcilerOptions {
  http: SnapshotHttp;
  local: LocalStateStore;
  gate: TradingGate;
  ledger: FillLedger;
  logger: Logger;
  nowMs?: () => number;
  reconcile?: Partial<ReconcileOptions>;
  /** On the first run, fills this far back are fetched (default 24 h). */
  initialFillsLookbackMs?: number;
  /** Later runs re-read fills from this long before the last success (default 5 min). */
  fillsOverlapMs?: number;
}

/**
 * REST fills are ledgered under this source with `fillKey()` = `fill:<fill id>:<order id>` as
 * source_event_id: the same id the WS client gives the same fill under `kalshi.ws`.
 */
export const REST_FILL_SOURCE = 'kalshi.rest';
export const REST_FILL_KIND = 'kalshi.fill';
/** Each applied plan (minus its fills, ledgered one by one) is kept for the audit trail. */
export const RECONCILE_SOURCE = 'agent.reconcile';
export const RECONCILE_PLAN_KIND = 'reconcile.plan';

export interface RunOptions {
  /** A follow-up run (counting misses) does not close an open gate first; a failure still does. */
  isQuiet?: boolean;
}

export class Reconciler {
  private inFlight: Promise<ReconcileReport> | undefined;
  private queued: Promise<ReconcileReport> | undefined;
  private isQueuedLoud = false;
  private runSeq = 0;
  private lastSuccessAtMs: number | undefined;
  private readonly nowMs: () => number;
  private readonly options: ReconcileOptions;

  constructor(private readonly deps: ReconcilerOptions) {
    this.nowMs = deps.nowMs ?? Date.now;
    this.options = { ...DEFAULT_RECONCILE_OPTIONS, ...deps.reconcile };
  }

  run(runOptions: RunOptions = {}): Promise<ReconcileReport> {
    const isLoud = runOptions.isQuiet !== true;
    if (this.inFlight === undefined) return this.startRun(isLoud);
    if (isLoud) {
      // The running pass may have read the venue before what this request is about (a reconnect):
      // trading stays halted until the queued pass, not the running one, succeeds.
      this.isQueuedLoud = true;
      this.deps.gate.beginReconcile();
    }
    this.queued ??= this.inFlight.then(() => {
      const isQueuedLoud = this.isQueuedLoud;
      this.queued = undefined;
      this.isQueuedLoud = false;
      return this.startRun(isQueuedLoud);
    });
    return this.queued;
  }

  private startRun(isLoud: boolean): Promise<ReconcileReport> {
    const run = this.runOnce(isLoud).finally(() => {
      this.inFlight = undefined;
    });
    this.inFlight = run;
    return run;
  }

  private async runOnce(isLoud: boolean): Promise<ReconcileReport> {
    const { gate, logger } = this.deps;
    const startedAtMs = this.nowMs();
    if (isLoud || !gate.isOpen) gate.beginReconcile();
    try {
      const local = await this.deps.local.read();
      const fillsSinceMs =
        this.lastSuccessAtMs === undefined
          ? startedAtMs - (this.deps.initialFillsLookbackMs ?? 24 * 3_600_000)
          : this.lastSuccessAtMs - (this.deps.fillsOverlapMs ?? 300_000);
      const snapshot = await fetchVenueSnapshot(this.deps.http, local, { fillsSinceMs, nowMs: this.nowMs });
      const plan = planReconciliation(this.withLedgeredFills(local, snapshot), snapshot, this.options);
      const fillsRecorded = await this.recordFills(plan.actions);
      await this.recordPlan(plan.actions, startedAtMs);
      await this.deps.local.apply(plan);
      this.logPlan(plan.actions);
      this.lastSuccessAtMs = startedAtMs;
      if (!this.isQueuedLoud) gate.reconcileSucceeded();
      return { isOk: true, plan, fillsRecorded, failure: undefined, startedAtMs, finishedAtMs: this.nowMs() };
    } catch (err) {
      const failure = describeFailure(err);
      logger.error({ err, failure }, 'reconciliation failed; trading stays halted');
      gate.reconcileFailed(failure);
      return {
        isOk: false,
        plan: undefined,
        fillsRecorded: 0,
        failure,
        startedAtMs,
        finishedAtMs: this.nowMs(),
      };
    }
  }

  /** Fills the ledger already holds (from either source) are not "new", whatever local state says. */
  private withLedgeredFills(local: LocalState, snapshot: VenueSnapshot): LocalState {
    const { ledger } = this.deps;
    if (ledger.get === undefined) return local;
    const keys = new Set(local.ledgeredFillKeys);
    for (const fill of snapshot.recentFills) {
      const key = fillKey(fill);
      const isLedgered =
        (ledger.get(REST_FILL_SOURCE, key) ?? null) !== null ||
        (ledger.get(WS_LEDGER_SOURCE, key) ?? null) !== null;
      if (isLedgered) keys.add(key);
    }
    return { ...local, ledgeredFillKeys: keys };
  }

  private async recordFills(actions: readonly ReconcileAction[]): Promise<number> {
    const fills = actions.flatMap((action) => (action.kind === 'fill_recorded' ? [action.fill] : []));
    if (fills.length === 0) return 0;
    const outcomes = await this.deps.ledger.append(fills.map(fillEvent));
    return outcomes.filter((outcome) => outcome.isNew).length;
  }

  private async recordPlan(actions: readonly ReconcileAction[], startedAtMs: number): Promise<void> {
    const decisions = actions.filter((action) => action.kind !== 'fill_recorded');
    if (decisions.length === 0) return;
    this.runSeq += 1;
    await this.deps.ledger.append([
      {
        source: RECONCILE_SOURCE,
        sourceEventId: `${startedAtMs}-${this.runSeq}`,
        kind: RECONCILE_PLAN_KIND,
        payload: { actions: decisions },
        venueTsMs: null,
      },
    ]);
  }

  private logPlan(actions: readonly ReconcileAction[]): void {
    const { logger } = this.deps;
    for (const action of actions) {
      if (
        action.kind === 'position_mismatch' ||
        action.kind === 'balance_mismatch' ||
        action.kind === 'order_imported'
      )
        logger.warn({ action }, `reconcile: ${action.kind}`);
      else if (action.kind !== 'fill_recorded') logger.info({ action }, `reconcile: ${action.kind}`);
    }
  }
}

function fillEvent(fill: VenueFillView): LedgerEventInput {
  return {
    source: REST_FILL_SOURCE,
    sourceEventId: fillKey(fill),
    kind: REST_FILL_KIND,
    payload: fill,
    venueTsMs: fill.createdAtMs,
  };
}

/** Short, secret-free, names the endpoint and field: it is what the trader reads on the health light. */
export function describeFailure(err: unknown): string {
  if (isKalshiRequestError(err)) {
    const field = err.field === undefined ? '' : ` field ${err.field}`;
    const status = err.httpStatus === undefined ? '' : ` (HTTP ${err.httpStatus})`;
    return `${err.kind}: ${err.endpoint}${field}${status}`;
  }
  return err instanceof Error ? err.message : String(err);
}
