import type { Channel } from './commands.js';

/** Channels whose frames carry a per-sid `seq` (kalshi-api.md §4.4). */
export const SEQUENCED: ReadonlySet<Channel> = new Set<Channel>([
  'orderbook_delta',
  'trade',
  'market_lifecycle_v2',
  'order_group_updates',
]);

/** One `sid`: a channel plus an optional market filter (null = all markets). */
export class Subscription {
  private lastSeq = 0;
  private gapGeneration: number;

  constructor(
    readonly sid: number,
    readonly channel: Channel,
    public tickers: Set<string> | null,
    readonly isYesPrice: boolean,
    gapGeneration: number,
  ) {
    this.gapGeneration = gapGeneration;
  }

  matches(ticker: string): boolean {
    return this.tickers === null || this.tickers.has(ticker);
  }

  get isSequenced(): boolean {
    return SEQUENCED.has(this.channel);
  }

  get seq(): number {
    return this.lastSeq;
  }

  /**
   * Next seq for this sid. When the seq-gap fault was armed since the last frame, one number is
   * skipped, exactly what a lost frame looks like to the client.
   */
  nextSeq(faultGapGeneration: number): number {
    if (faultGapGeneration !== this.gapGeneration) {
      this.gapGeneration = faultGapGeneration;
      this.lastSeq += 1;
    }
    this.lastSeq += 1;
    return this.lastSeq;
  }
}
