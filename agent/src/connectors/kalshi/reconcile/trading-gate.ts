/**
 * Trading stays HALTED until reconciliation with the venue succeeds (issue 5, task 1.1.5). The
 * gate is the one place the connector asks "may I send a new order?"; health reads its reason.
 * It starts halted, closes again at the start of every reconciliation (start-up and after every
 * WS reconnect, since user channels carry no seq and events may have been missed), and opens only
 * when a reconciliation succeeds. A failed reconciliation keeps it closed with the reason.
 */
import type { TradingState } from '@pt/protocol';
import { AgentError } from '../../../lib/errors.js';

/**
 * `stream_down`: the WS dropped. Fills and order updates carry no seq, so anything may be missed
 * until the reconciliation that follows the reconnect: no new risk meanwhile.
 */
export type GatePhase = 'not_started' | 'stream_down' | 'reconciling' | 'reconcile_failed' | 'open';

export interface GateState {
  phase: GatePhase;
  isOpen: boolean;
  /** `not_started`, `stream_down`, `reconciling`, `reconcile_failed: <reason>` or `reconciled`. */
  reason: string;
  sinceMs: number;
  /** Completed reconciliations since start (succeeded or failed). */
  attempts: number;
  lastSuccessAtMs: number | null;
}

const READABLE: Record<GatePhase, string> = {
  not_started: 'Not connected to the venue yet',
  stream_down: 'Venue stream disconnected; will reconcile on reconnect',
  reconciling: 'Reconciling with the venue',
  reconcile_failed: 'Reconciliation with the venue failed',
  open: 'Reconciled with the venue',
};

export class TradingGate {
  private phase: GatePhase = 'not_started';
  private failure = '';
  private sinceMs: number;
  private attempts = 0;
  private lastSuccessAtMs: number | null = null;
  private readonly listeners = new Set<(state: GateState) => void>();

  constructor(private readonly nowMs: () => number = Date.now) {
    this.sinceMs = nowMs();
  }

  /** A reconciliation starts: no new orders until it succeeds. */
  beginReconcile(): void {
    this.move('reconciling');
  }

  reconcileSucceeded(): void {
    this.attempts += 1;
    this.lastSuccessAtMs = this.nowMs();
    // The stream dropped while this pass ran: its snapshot may predate missed events.
    if (this.phase !== 'stream_down') this.move('open');
  }

  /** The reason is shown to the trader; keep it short and free of secrets. */
  reconcileFailed(reason: string): void {
    this.attempts += 1;
    this.failure = reason.length > 0 ? reason : 'unknown error';
    this.move('reconcile_failed');
  }

  /** The WS dropped: halted until the reconciliation after the reconnect succeeds. */
  streamDown(): void {
    if (this.phase !== 'reconcile_failed') this.move('stream_down');
  }

  /** The connector stopped: halted until the next start reconciles again. */
  reset(): void {
    this.move('not_started');
  }

  get isOpen(): boolean {
    return this.phase === 'open';
  }

  /** Throws TRADING_HALTED with the reason unless the gate is open. */
  assertOpen(): void {
    if (this.isOpen) return;
    const { reason } = this.state();
    throw new AgentError('TRADING_HALTED', `Trading is halted: ${reason}`, { retryable: true }, { reason });
  }

  state(): GateState {
    const reason =
      this.phase === 'reconcile_failed'
        ? `reconcile_failed: ${this.failure}`
        : this.phase === 'open'
          ? 'reconciled'
          : this.phase;
    return {
      phase: this.phase,
      isOpen: this.isOpen,
      reason,
      sinceMs: this.sinceMs,
      attempts: this.attempts,
      lastSuccessAtMs: this.lastSuccessAtMs,
    };
  }

  /** The protocol trading switch as far as the venue is concerned (the trader's switch is separate). */
  toTradingState(): TradingState {
    const state = this.state();
    const detail =
      this.phase === 'reconcile_failed' ? `${READABLE[this.phase]}: ${this.failure}` : READABLE[this.phase];
    return {
      mode: state.isOpen ? 'active' : 'halted',
      reason: detail,
      changedBy: 'system',
      sinceMs: state.sinceMs,
    };
  }

  onChange(listener: (state: GateState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private move(phase: GatePhase): void {
    if (phase === this.phase && phase !== 'reconcile_failed') return;
    this.phase = phase;
    this.sinceMs = this.nowMs();
    const state = this.state();
    for (const listener of this.listeners) listener(state);
  }
}
