import { describe, expect, it } from 'vitest';
import { EventRing } from './event-ring.js';

const frame = (text: string): Buffer => Buffer.from(text);
const texts = (frames: readonly Buffer[] | null): string[] | null =>
  frames === null ? null : frames.map((f) => f.toString());

describe('EventRing', () => {
  it('replays from any kept seq to the newest, and nothing from newest + 1', () => {
    const ring = new EventRing(3, 1_000);
    for (let seq = 1; seq <= 5; seq += 1) ring.push(seq, frame(`e${seq}`));
    expect(ring.oldestSeq()).toBe(3);
    expect(texts(ring.from(3))).toEqual(['e3', 'e4', 'e5']);
    expect(texts(ring.from(5))).toEqual(['e5']);
    expect(texts(ring.from(6))).toEqual([]);
  });

  it('answers null for seqs evicted or beyond newest + 1', () => {
    const ring = new EventRing(3, 1_000);
    for (let seq = 1; seq <= 5; seq += 1) ring.push(seq, frame(`e${seq}`));
    expect(ring.from(2)).toBeNull();
    expect(ring.from(7)).toBeNull();
  });

  it('evicts by bytes too, but always keeps the newest frame', () => {
    const ring = new EventRing(100, 10);
    ring.push(1, frame('aaaa'));
    ring.push(2, frame('bbbb'));
    expect(texts(ring.from(1))).toEqual(['aaaa', 'bbbb']);
    ring.push(3, frame('cccc')); // 12 bytes > 10: the oldest goes
    expect(ring.oldestSeq()).toBe(2);
    ring.push(4, frame('x'.repeat(50)));
    expect(ring.oldestSeq()).toBe(4);
    expect(texts(ring.from(4))).toEqual(['x'.repeat(50)]);
  });

  it('refuses a seq that is not newest + 1', () => {
    const ring = new EventRing(3, 1_000);
    ring.push(1, frame('a'));
    expect(() => ring.push(3, frame('c'))).toThrow(/expected seq 2/);
  });
});
