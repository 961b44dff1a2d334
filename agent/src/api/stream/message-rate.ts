/**
 * Per-socket message budget: a token bucket (`perSecond` tokens a second, `perSecond` deep). A
 * message over budget is refused; a client that keeps sending through a whole second's worth of
 * refusals is abusing the socket and gets closed.
 */
export type RateVerdict = 'accept' | 'refuse' | 'refuse-first' | 'abuse';

export class MessageRate {
  private tokens: number;
  private lastMs: number;
  private refusedInRow = 0;

  constructor(
    private readonly perSecond: number,
    private readonly nowMs: () => number = Date.now,
  ) {
    this.tokens = perSecond;
    this.lastMs = nowMs();
  }

  /** `refuse-first` marks the first refusal of a run (the one worth telling the client about). */
  take(): RateVerdict {
    const now = this.nowMs();
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.lastMs) * this.perSecond) / 1000);
    this.lastMs = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      this.refusedInRow = 0;
      return 'accept';
    }
    this.refusedInRow += 1;
    if (this.refusedInRow > this.perSecond) return 'abuse';
    return this.refusedInRow === 1 ? 'refuse-first' : 'refuse';
  }
}
