import { describe, expect, it } from 'vitest';
import { MarketTicker } from '@pt/protocol';
import { DEFAULT_LIVENESS, LivenessTracker } from './liveness.js';

const A = MarketTicker.parse('KXHIGHNY-26JAN01-T37');
const B = MarketTicker.parse('KXHIGHNY-26JAN01-B36.5');
const options = {
  ...DEFAULT_LIVENESS,
  quietProbeMs: 100,
  marketTimeoutMs: 300,
  socketTimeoutMs: 500,
  channelTimeoutMs: { ticker: 200 },
};

describe('LivenessTracker', () => {
  it('probes a quiet market, then marks it stale if the probe is not answered', () => {
    const t = new LivenessTracker(options);
    t.restart(0);
    t.trackMarket(A, 0);
    t.trackMarket(B, 0);
    expect(t.check(50).probe).toEqual([]);
    t.marketData(B, 90);
    expect(t.check(100).probe).toEqual([A]);
    t.probeSent([A], 100);
    expect(t.check(150).probe).toEqual([]);
    expect(t.check(200).probe).toEqual([A, B]); // A re-probed (lost probe), B now quiet
    t.probeSent([A, B], 200);
    t.marketData(B, 250); // B answered its probe, A did not
    const v = t.check(300);
    expect(v.staleMarkets).toEqual([A]);
    expect(t.check(301).staleMarkets).toEqual([]); // reported once
    expect(t.marketClock(A)?.isStale).toBe(true);
    expect(t.marketData(A, 302)).toBe(true); // recovery reported
    expect(t.marketClock(A)?.isStale).toBe(false);
  });

  it('treats the socket as dead only when no frame at all arrives (pings count)', () => {
    const t = new LivenessTracker(options);
    t.restart(0);
    t.frame(400);
    expect(t.check(800).isSocketDead).toBe(false);
    expect(t.check(900).isSocketDead).toBe(true);
  });

  it('keeps data liveness apart from socket liveness: pings do not refresh a market', () => {
    const t = new LivenessTracker(options);
    t.restart(0);
    t.trackMarket(A, 0);
    for (let ms = 0; ms <= 300; ms += 50) t.frame(ms);
    const v = t.check(300);
    expect(v.isSocketDead).toBe(false);
    expect(v.staleMarkets).toEqual([A]);
  });

  it('times out only channels that have a timeout configured', () => {
    const t = new LivenessTracker(options);
    t.restart(0);
    t.trackChannel('ticker', 0);
    t.trackChannel('fill', 0);
    expect(t.check(199).staleChannels).toEqual([]);
    expect(t.check(200).staleChannels).toEqual(['ticker']);
    expect(t.check(10_000).staleChannels).toEqual([]);
    expect(t.channelData('ticker', 10_001)).toBe(true);
  });

  it('restart gives every market a fresh clock (a new connection)', () => {
    const t = new LivenessTracker(options);
    t.restart(0);
    t.trackMarket(A, 0);
    t.restart(1_000);
    expect(t.check(1_050)).toEqual({ probe: [], staleMarkets: [], staleChannels: [], isSocketDead: false });
  });
});
