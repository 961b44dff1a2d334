/** A position mismatch is adjusted only when the next pass sees the same one again. */
import type { MarketTicker } from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import type { AdjustmentPayload } from './portfolio-events.js';
import { confirmMismatches } from './venue-sync.js';

const mismatch = (ticker: string, fromE2: number, toE2: number, asOfMs: number): AdjustmentPayload => ({
  ticker: ticker as MarketTicker,
  fromE2,
  toE2,
  costE6: toE2 * 4_000,
  asOfMs,
});

describe('confirmMismatches', () => {
  it('holds a first sighting, confirms the same one on the next pass, and drops one that resolved', () => {
    const first = confirmMismatches(new Map(), [mismatch('MKT-A', 0, 200, 1), mismatch('MKT-B', 100, 0, 1)]);
    expect(first.confirmed).toEqual([]);
    expect([...first.pending.keys()]).toEqual(['MKT-A', 'MKT-B']);
    // MKT-B's fill arrived in between (no mismatch now); MKT-A still differs the same way.
    const second = confirmMismatches(first.pending, [mismatch('MKT-A', 0, 200, 2)]);
    expect(second.confirmed).toEqual([mismatch('MKT-A', 0, 200, 2)]);
    expect(second.pending.size).toBe(0);
  });

  it('a mismatch that changed is a new sighting, not a confirmation', () => {
    const first = confirmMismatches(new Map(), [mismatch('MKT-A', 0, 200, 1)]);
    const second = confirmMismatches(first.pending, [mismatch('MKT-A', 0, 300, 2)]);
    expect(second.confirmed).toEqual([]);
    expect(second.pending.get('MKT-A')?.toE2).toBe(300);
  });
});
