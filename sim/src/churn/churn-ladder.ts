import type { BookSide, Exchange } from '../engine/index.js';
import { rngFor } from '../lib/rng.js';
import { cancelOrder, placeOrder } from '../replay/engine-writes.js';
import { LADDER_LEVELS } from '../replay/market-maker.js';
import type { Quote } from '../replay/timeline.js';

const CENT_E4 = 100;

interface Level {
  side: BookSide;
  cents: number;
}

const keyOf = (level: Level): string => `${level.side}:${level.cents}`;

/** The ladder the replay's maker would quote around `quote`, top of book first. */
export function ladderFor(quote: Quote): Level[] {
  const levels: Level[] = [];
  for (let i = 0; i < LADDER_LEVELS; i += 1) {
    if (quote.yesBidCents - i >= 1) levels.push({ side: 'bid', cents: quote.yesBidCents - i });
    if (quote.yesAskCents + i <= 99) levels.push({ side: 'ask', cents: quote.yesAskCents + i });
  }
  return levels;
}

/**
 * One market's resting ladder, moved toward a target quote ONE engine order at a time: each
 * `step()` cancels one level the target no longer has (cancels first, so the book never crosses)
 * or places one it lacks. So every step is exactly one level change on the venue's book — one
 * `orderbook_delta` — and the book is always the engine's own, consistent book. A level's size is
 * a pure function of seed, ticker, side and price, so a level that comes back has the same size.
 */
export class ChurnLadder {
  /** Level key → resting order id (null: placed but it did not rest, e.g. filled by a user). */
  private readonly resting = new Map<string, string | null>();
  private target = new Map<string, Level>();

  constructor(
    private readonly exchange: Exchange,
    private readonly userId: string,
    readonly ticker: string,
    private readonly depthScaleContracts: number,
    private readonly seed: number,
  ) {}

  /** Aim at `quote`; nothing is sent until `step()`. */
  aim(quote: Quote): void {
    this.target = new Map(ladderFor(quote).map((level) => [keyOf(level), level]));
  }

  get isSettled(): boolean {
    if (this.resting.size !== this.target.size) return false;
    for (const key of this.target.keys()) if (!this.resting.has(key)) return false;
    return true;
  }

  /** One cancel or one place toward the target; false when already there. */
  step(): boolean {
    for (const [key, orderId] of this.resting) {
      if (this.target.has(key)) continue;
      this.resting.delete(key);
      if (orderId !== null) cancelOrder(this.exchange, this.userId, orderId);
      return true;
    }
    for (const [key, level] of this.target) {
      if (this.resting.has(key)) continue;
      const orderId = placeOrder(
        this.exchange,
        this.userId,
        this.ticker,
        level.side,
        level.cents * CENT_E4,
        this.sizeE2(level),
        'good_till_canceled',
      );
      this.resting.set(key, orderId);
      return true;
    }
    return false;
  }

  /** Steps until settled (the opening ladder, before the ready line). */
  settle(): void {
    while (this.step());
  }

  private sizeE2(level: Level): number {
    const draw = rngFor(this.seed, `churn:${this.ticker}:${keyOf(level)}`)();
    return Math.max(1, Math.round(this.depthScaleContracts * (0.5 + draw))) * 100;
  }
}
