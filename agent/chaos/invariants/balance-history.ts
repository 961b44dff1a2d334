/**
 * The venue's cash balance sampled once a second for the whole run. The agent re-reads its balance
 * after every fill and reconciliation and every 30 s otherwise, so "ledger equals venue" accepts
 * an agent balance the venue itself reported within BALANCE_LAG_MS (and fails past it).
 */
export const BALANCE_LAG_MS = 35_000;

export class BalanceHistory {
  private readonly samples: { atMs: number; balanceE6: number }[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private isSampling = false;

  constructor(
    private readonly read: () => Promise<number>,
    private readonly intervalMs = 1_000,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sample(), this.intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Balances the venue reported in the last `windowMs`. */
  recent(windowMs = BALANCE_LAG_MS, nowMs = Date.now()): number[] {
    return this.samples.filter((s) => s.atMs >= nowMs - windowMs).map((s) => s.balanceE6);
  }

  private async sample(): Promise<void> {
    if (this.isSampling) return;
    this.isSampling = true;
    try {
      this.samples.push({ atMs: Date.now(), balanceE6: await this.read() });
      const cutoff = Date.now() - 2 * BALANCE_LAG_MS;
      while ((this.samples[0]?.atMs ?? cutoff) < cutoff) this.samples.shift();
    } catch {
      // A failed read (a 429 or 5xx fault injected on purpose) is just a missing sample.
    } finally {
      this.isSampling = false;
    }
  }
}
