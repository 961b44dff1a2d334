/**
 * Per-source health: last success, consecutive failures, new items in the last hour, skipped
 * malformed items. Healthy means fewer than `unhealthyAfterFailures` failures in a row and a
 * success within `staleAfterMs`.
 */
import type { CollectorHealth } from './types.js';

const HOUR_MS = 3_600_000;

export interface HealthTrackerOptions {
  name: string;
  unhealthyAfterFailures: number;
  staleAfterMs: number;
  nowMs: () => number;
}

export class HealthTracker {
  private lastSuccessAtMs: number | null = null;
  private lastAttemptAtMs: number | null = null;
  private consecutiveFailures = 0;
  private lastError: string | null = null;
  private skippedTotal = 0;
  /** (time, count) of each success with new items, pruned to the last hour. */
  private recent: { atMs: number; count: number }[] = [];

  constructor(private readonly options: HealthTrackerOptions) {}

  get failures(): number {
    return this.consecutiveFailures;
  }

  success(newItems: number, skipped: number): void {
    const now = this.options.nowMs();
    this.lastAttemptAtMs = now;
    this.lastSuccessAtMs = now;
    this.consecutiveFailures = 0;
    this.lastError = null;
    this.skippedTotal += skipped;
    if (newItems > 0) this.recent.push({ atMs: now, count: newItems });
  }

  failure(error: string): void {
    this.lastAttemptAtMs = this.options.nowMs();
    this.consecutiveFailures += 1;
    this.lastError = error;
  }

  snapshot(): CollectorHealth {
    const now = this.options.nowMs();
    this.recent = this.recent.filter((entry) => entry.atMs > now - HOUR_MS);
    const isFresh = this.lastSuccessAtMs !== null && now - this.lastSuccessAtMs <= this.options.staleAfterMs;
    return {
      name: this.options.name,
      healthy: isFresh && this.consecutiveFailures < this.options.unhealthyAfterFailures,
      lastSuccessAtMs: this.lastSuccessAtMs,
      lastAttemptAtMs: this.lastAttemptAtMs,
      consecutiveFailures: this.consecutiveFailures,
      lastError: this.lastError,
      itemsPerHour: this.recent.reduce((sum, entry) => sum + entry.count, 0),
      skippedTotal: this.skippedTotal,
    };
  }
}
