import { describe, expect, it } from 'vitest';
import { SeqTracker } from './seq-tracker.js';

describe('SeqTracker', () => {
  it('accepts any first seq of a sid, then requires +1', () => {
    const t = new SeqTracker();
    expect(t.observe(2, 5)).toEqual({ kind: 'in_order' });
    expect(t.observe(2, 6)).toEqual({ kind: 'in_order' });
    expect(t.observe(2, 8)).toEqual({ kind: 'gap', expectedSeq: 7, gotSeq: 8 });
    // re-based on the frame it got: the same loss is reported once
    expect(t.observe(2, 9)).toEqual({ kind: 'in_order' });
  });

  it('treats a duplicate or a step back as a gap (the stream is not what we think)', () => {
    const t = new SeqTracker();
    t.observe(1, 3);
    expect(t.observe(1, 3)).toEqual({ kind: 'gap', expectedSeq: 4, gotSeq: 3 });
    expect(t.observe(1, 1)).toEqual({ kind: 'gap', expectedSeq: 4, gotSeq: 1 });
  });

  it('tracks sids independently and resets on reconnect', () => {
    const t = new SeqTracker();
    t.observe(1, 10);
    t.observe(2, 1);
    expect(t.observe(1, 11).kind).toBe('in_order');
    expect(t.observe(2, 2).kind).toBe('in_order');
    t.reset();
    expect(t.lastSeq(1)).toBeNull();
    expect(t.observe(1, 1).kind).toBe('in_order');
  });
});
