import { describe, expect, it } from 'vitest';
import { SeqTracker } from './seq-tracker.js';

describe('SeqTracker', () => {
  it('applies consecutive seqs, drops duplicates, and asks once per gap', () => {
    const seqs = new SeqTracker();
    expect(seqs.subscribed('orders', 4)).toEqual({ kind: 'fresh' });
    expect(seqs.accept('orders', 5)).toEqual({ kind: 'apply' });
    expect(seqs.accept('orders', 5)).toEqual({ kind: 'duplicate' });
    expect(seqs.accept('orders', 8)).toEqual({ kind: 'gap', fromSeq: 6, shouldAsk: true });
    expect(seqs.accept('orders', 9)).toEqual({ kind: 'gap', fromSeq: 6, shouldAsk: false });
    // The replay closes the gap; the live events it overtook come again and apply in order.
    for (const seq of [6, 7, 8, 9]) expect(seqs.accept('orders', seq)).toEqual({ kind: 'apply' });
    expect(seqs.accept('orders', 11)).toEqual({ kind: 'gap', fromSeq: 10, shouldAsk: true });
  });

  it('after a reconnect in the same epoch: in step, resync from the first missing seq, or reload', () => {
    const seqs = new SeqTracker();
    seqs.subscribed('orders', 3);
    seqs.subscribed('activity', 10);
    seqs.subscribed('health', 7);
    expect(seqs.subscribed('orders', 3)).toEqual({ kind: 'in-step' });
    expect(seqs.subscribed('activity', 14)).toEqual({ kind: 'resync', fromSeq: 11 });
    expect(seqs.subscribed('health', 2)).toEqual({ kind: 'reload' });
    expect(seqs.lastSeq('health')).toBe(2);
  });

  it('stream.reset moves the stream to the agent seq; clear starts a new epoch', () => {
    const seqs = new SeqTracker();
    seqs.subscribed('orders', 1);
    seqs.reset('orders', 40);
    expect(seqs.accept('orders', 41)).toEqual({ kind: 'apply' });
    seqs.clear();
    expect(seqs.subscribed('orders', 41)).toEqual({ kind: 'fresh' });
  });
});
