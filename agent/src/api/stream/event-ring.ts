/**
 * The recent frames of one stream, for `resync`: bounded both in events and in bytes (a burst of
 * big book snapshots must not pin megabytes per market). Seqs are contiguous, so the ring stores
 * frames only and derives each one's seq from the newest.
 */
export class EventRing {
  private readonly frames: (Buffer | undefined)[];
  /** Index of the oldest kept frame. */
  private start = 0;
  private count = 0;
  private bytes = 0;
  private newestSeq = 0;

  constructor(
    private readonly maxEvents: number,
    private readonly maxBytes: number,
  ) {
    if (!Number.isInteger(maxEvents) || maxEvents < 1)
      throw new Error('maxEvents must be a positive integer');
    this.frames = new Array<Buffer | undefined>(maxEvents);
  }

  /** Appends the frame of `seq`, which must be the newest seq + 1. */
  push(seq: number, frame: Buffer): void {
    if (seq !== this.newestSeq + 1) throw new Error(`ring expected seq ${this.newestSeq + 1}, got ${seq}`);
    if (this.count === this.maxEvents) this.dropOldest();
    this.frames[(this.start + this.count) % this.maxEvents] = frame;
    this.count += 1;
    this.bytes += frame.length;
    this.newestSeq = seq;
    // Always keep the newest frame, even when it alone is over the byte budget.
    while (this.bytes > this.maxBytes && this.count > 1) this.dropOldest();
  }

  /** Oldest seq still kept (newest + 1 when empty). */
  oldestSeq(): number {
    return this.newestSeq - this.count + 1;
  }

  /**
   * Frames from `fromSeq` to the newest, in order ([] when `fromSeq` is newest + 1), or null when
   * `fromSeq` is no longer kept or lies beyond newest + 1.
   */
  from(fromSeq: number): Buffer[] | null {
    if (fromSeq < this.oldestSeq() || fromSeq > this.newestSeq + 1) return null;
    const out: Buffer[] = [];
    for (let i = fromSeq - this.oldestSeq(); i < this.count; i += 1) {
      const frame = this.frames[(this.start + i) % this.maxEvents];
      if (frame === undefined) throw new Error('event ring hole');
      out.push(frame);
    }
    return out;
  }

  private dropOldest(): void {
    const frame = this.frames[this.start];
    this.bytes -= frame?.length ?? 0;
    this.frames[this.start] = undefined;
    this.start = (this.start + 1) % this.maxEvents;
    this.count -= 1;
  }
}
