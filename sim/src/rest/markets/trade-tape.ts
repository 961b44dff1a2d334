import type { Trade } from '../../engine/index.js';

/**
 * The public tape behind `GET /markets/trades`, fed from the engine's trade events. Bounded so a
 * long-running sim does not grow without limit; the oldest prints fall off first.
 */
export class TradeTape {
  private readonly trades: Trade[] = [];

  constructor(private readonly maxTrades = 200_000) {}

  record(trade: Trade): void {
    this.trades.push(trade);
    if (this.trades.length > this.maxTrades) this.trades.splice(0, this.trades.length - this.maxTrades);
  }

  /** Newest first, as Kalshi lists public trades. Bounds are inclusive, in ms. */
  list(filter: {
    ticker?: string | undefined;
    minMs?: number | undefined;
    maxMs?: number | undefined;
  }): Trade[] {
    const out: Trade[] = [];
    for (let i = this.trades.length - 1; i >= 0; i -= 1) {
      const t = this.trades[i];
      if (!t) continue;
      if (filter.ticker !== undefined && t.ticker !== filter.ticker) continue;
      if (filter.minMs !== undefined && t.createdTimeMs < filter.minMs) continue;
      if (filter.maxMs !== undefined && t.createdTimeMs > filter.maxMs) continue;
      out.push(t);
    }
    return out;
  }

  get size(): number {
    return this.trades.length;
  }
}
