import type { Exchange } from '../engine/index.js';
import type { SimLogger } from '../lib/log.js';
import { rngFor, type Rng } from '../lib/rng.js';
import { cancelOrder, placeOrder } from './engine-writes.js';
import type { Quote } from './timeline.js';

/** Price levels quoted on each side of every market. */
export const LADDER_LEVELS = 5;
const CENT_E4 = 100;

/**
 * Seeded background liquidity: one engine user quoting a ladder of YES bids and YES asks (NO
 * bids) around the replayed quote in every market, so books stay two-sided and user orders fill
 * against real resting orders. Depth is a pure function of seed, ticker and update count.
 */
export class MarketMaker {
  private readonly orderIds = new Map<string, string[]>();
  private readonly rngs = new Map<string, Rng>();

  constructor(
    private readonly exchange: Exchange,
    readonly userId: string,
    private readonly seed: number,
    private readonly log: SimLogger,
  ) {}

  private rngOf(ticker: string): Rng {
    let rng = this.rngs.get(ticker);
    if (!rng) {
      rng = rngFor(this.seed, `mm:${ticker}`);
      this.rngs.set(ticker, rng);
    }
    return rng;
  }

  /** Size of level `i` (0 = top) in 1/100 contracts; the top is at least `minTopE2`. */
  private sizeE2(ticker: string, level: number, scaleContracts: number, minTopE2: number): number {
    const contracts = Math.max(
      1,
      Math.round(scaleContracts * (1 + 0.6 * level) * (0.5 + this.rngOf(ticker)())),
    );
    const sizeE2 = contracts * 100;
    return level === 0 ? Math.max(sizeE2, minTopE2) : sizeE2;
  }

  /** Replace this market's ladder with one around `quote` (0 bid / 100 ask = leave that side empty). */
  quote(ticker: string, quote: Quote, scaleContracts: number, minTopE2 = 0): boolean {
    // In a trading pause new orders are refused; keep the resting ladder rather than pull it.
    if (this.exchange.isTradingPaused) return false;
    this.withdraw(ticker);
    const placed: string[] = [];
    for (let i = 0; i < LADDER_LEVELS; i += 1) {
      const bidCents = quote.yesBidCents - i;
      if (bidCents >= 1) {
        const id = placeOrder(
          this.exchange,
          this.userId,
          ticker,
          'bid',
          bidCents * CENT_E4,
          this.sizeE2(ticker, i, scaleContracts, minTopE2),
          'good_till_canceled',
        );
        if (id !== null) placed.push(id);
      }
      const askCents = quote.yesAskCents + i;
      if (askCents <= 99) {
        const id = placeOrder(
          this.exchange,
          this.userId,
          ticker,
          'ask',
          askCents * CENT_E4,
          this.sizeE2(ticker, i, scaleContracts, minTopE2),
          'good_till_canceled',
        );
        if (id !== null) placed.push(id);
      }
    }
    this.orderIds.set(ticker, placed);
    return true;
  }

  withdraw(ticker: string): void {
    for (const orderId of this.orderIds.get(ticker) ?? []) cancelOrder(this.exchange, this.userId, orderId);
    this.orderIds.delete(ticker);
  }

  get marketCount(): number {
    return this.orderIds.size;
  }

  logSummary(): void {
    this.log.debug('market maker quoting', { markets: this.orderIds.size });
  }
}
