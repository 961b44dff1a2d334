/**
 * The sentiment kill switch: an observable state. While engaged, strategies that use sentiment
 * open no new positions (existing positions keep their exits); it releases only when fresh data
 * returns. Listeners hear every change (engaged ↔ released, or a new reason while engaged).
 */

export type KillReason = 'no_data_yet' | 'unreachable' | 'stale';

export type KillSwitchState =
  | { isEngaged: true; reason: KillReason; detail: string; sinceMs: number }
  | { isEngaged: false; sinceMs: number };

export type KillSwitchListener = (state: KillSwitchState, previous: KillSwitchState) => void;

export class SentimentKillSwitch {
  private current: KillSwitchState;
  private readonly listeners = new Set<KillSwitchListener>();

  /** Starts engaged: no sentiment-driven entries before the first fresh answer. */
  constructor(nowMs: number) {
    this.current = {
      isEngaged: true,
      reason: 'no_data_yet',
      detail: 'no answer from vibe yet',
      sinceMs: nowMs,
    };
  }

  state(): KillSwitchState {
    return this.current;
  }

  get isEngaged(): boolean {
    return this.current.isEngaged;
  }

  /** Returns the unsubscribe function. */
  onChange(listener: KillSwitchListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  engage(reason: KillReason, detail: string, nowMs: number): void {
    if (this.current.isEngaged && this.current.reason === reason) return;
    this.set({ isEngaged: true, reason, detail, sinceMs: nowMs });
  }

  release(nowMs: number): void {
    if (!this.current.isEngaged) return;
    this.set({ isEngaged: false, sinceMs: nowMs });
  }

  private set(next: KillSwitchState): void {
    const previous = this.current;
    this.current = next;
    for (const listener of this.listeners) listener(next, previous);
  }
}
