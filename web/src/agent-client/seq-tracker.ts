/**
 * Per-stream `seq` bookkeeping of one stream epoch. The agent numbers each stream's events 1, 2, …
 * (per stream, not per socket); a jump means missed events → `resync` from the first missing seq
 * (asked once until the gap closes); a repeat is a duplicate (a replay overlapping live events).
 */
export type SubscribedVerdict =
  | { readonly kind: 'fresh' } // first time this epoch: load the stream's state from REST
  | { readonly kind: 'in-step' }
  | { readonly kind: 'resync'; readonly fromSeq: number }
  | { readonly kind: 'reload' }; // the agent is behind us (cannot happen in one epoch): reload

export type EventVerdict =
  | { readonly kind: 'apply' }
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'gap'; readonly fromSeq: number; readonly shouldAsk: boolean };

export class SeqTracker {
  private readonly last = new Map<string, number>();
  private readonly resyncing = new Set<string>();

  /** A new epoch: every stream starts over. */
  clear(): void {
    this.last.clear();
    this.resyncing.clear();
  }

  /** After `unsubscribe`: a later subscribe to the stream starts fresh. */
  forget(stream: string): void {
    this.last.delete(stream);
    this.resyncing.delete(stream);
  }

  lastSeq(stream: string): number | undefined {
    return this.last.get(stream);
  }

  /** `subscribed` says the agent's current seq; compares it with what this client has applied. */
  subscribed(stream: string, seq: number): SubscribedVerdict {
    const last = this.last.get(stream);
    this.resyncing.delete(stream);
    if (last === undefined) {
      this.last.set(stream, seq);
      return { kind: 'fresh' };
    }
    if (last === seq) return { kind: 'in-step' };
    if (last < seq) {
      this.resyncing.add(stream);
      return { kind: 'resync', fromSeq: last + 1 };
    }
    this.last.set(stream, seq);
    return { kind: 'reload' };
  }

  /** `stream.reset`: the state is reloaded from REST; the next event is seq + 1. */
  reset(stream: string, seq: number): void {
    this.last.set(stream, seq);
    this.resyncing.delete(stream);
  }

  accept(stream: string, seq: number): EventVerdict {
    const last = this.last.get(stream);
    // Events of a stream this epoch never subscribed: start from whatever comes.
    if (last === undefined || seq === last + 1) {
      this.last.set(stream, seq);
      this.resyncing.delete(stream);
      return { kind: 'apply' };
    }
    if (seq <= last) return { kind: 'duplicate' };
    const shouldAsk = !this.resyncing.has(stream);
    this.resyncing.add(stream);
    return { kind: 'gap', fromSeq: last + 1, shouldAsk };
  }
}
