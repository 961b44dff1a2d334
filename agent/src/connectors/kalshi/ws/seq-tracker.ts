/** What a sequenced frame means for its sid's stream. */
export type SeqOutcome = { kind: 'in_order' } | { kind: 'gap'; expectedSeq: number; gotSeq: number };

/**
 * Per-sid `seq` tracking (kalshi-api.md §4.4: seq sits next to sid, one counter per
 * subscription shared by all its markets). The first frame of a sid sets the baseline; after that
 * anything but last+1 is a gap, and the tracker re-bases on the frame it got so one lost frame is
 * reported once. On reconnect sids and seqs restart: `reset()`.
 */
export class SeqTracker {
  private readonly lastBySid = new Map<number, number>();

  observe(sid: number, seq: number): SeqOutcome {
    const last = this.lastBySid.get(sid);
    this.lastBySid.set(sid, seq);
    if (last === undefined || seq === last + 1) return IN_ORDER;
    return { kind: 'gap', expectedSeq: last + 1, gotSeq: seq };
  }

  lastSeq(sid: number): number | null {
    return this.lastBySid.get(sid) ?? null;
  }

  forget(sid: number): void {
    this.lastBySid.delete(sid);
  }

  reset(): void {
    this.lastBySid.clear();
  }
}

const IN_ORDER: SeqOutcome = { kind: 'in_order' };
