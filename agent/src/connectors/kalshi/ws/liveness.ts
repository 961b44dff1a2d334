import type { MarketTicker } from '@pt/protocol';
import type { LivenessOptions, StreamChannel } from './types.js';

/**
 * Defaults. The venue pings every 10 s, so 30 s without any frame means the socket is gone. A
 * book silent for 10 s is probed with get_snapshot, and stale after 25 s without an answer. The
 * event-driven channels (fill, user_orders, ticker, …) are legitimately silent for hours in a
 * quiet market, so they have no timeout unless configured; a silent stall is caught by the book
 * probes, because a stalled feed stops every data frame, probes' replies included.
 */
export const DEFAULT_LIVENESS: LivenessOptions = {
  channelTimeoutMs: {},
  marketTimeoutMs: 25_000,
  quietProbeMs: 10_000,
  socketTimeoutMs: 30_000,
  pingIntervalMs: 10_000,
  checkIntervalMs: 1_000,
  isReconnectOnStale: true,
};

interface Clock {
  lastDataAtMs: number;
  lastProbeAtMs: number;
  isStale: boolean;
}

export interface LivenessVerdict {
  /** Markets to probe with get_snapshot now. */
  probe: MarketTicker[];
  staleMarkets: MarketTicker[];
  staleChannels: StreamChannel[];
  isSocketDead: boolean;
}

/**
 * Data-flow liveness, kept apart from socket liveness: pings can keep flowing while data stops
 * (a silent stall), so each subscribed market and channel has its own receive clock. Pure logic
 * on injected times; the stream calls `check` on a timer and acts on the verdict.
 */
export class LivenessTracker {
  private lastFrameAtMs = 0;
  private readonly markets = new Map<MarketTicker, Clock>();
  private readonly channels = new Map<StreamChannel, Clock>();

  constructor(private readonly options: LivenessOptions) {}

  /** A new connection: every clock starts now (stale flags are cleared by data, not by reset). */
  restart(nowMs: number): void {
    this.lastFrameAtMs = nowMs;
    for (const clock of this.markets.values())
      Object.assign(clock, { lastDataAtMs: nowMs, lastProbeAtMs: nowMs });
    for (const clock of this.channels.values()) clock.lastDataAtMs = nowMs;
  }

  frame(nowMs: number): void {
    this.lastFrameAtMs = nowMs;
  }

  trackMarket(ticker: MarketTicker, nowMs: number): void {
    if (!this.markets.has(ticker))
      this.markets.set(ticker, { lastDataAtMs: nowMs, lastProbeAtMs: nowMs, isStale: false });
  }

  untrackMarket(ticker: MarketTicker): void {
    this.markets.delete(ticker);
  }

  trackChannel(channel: StreamChannel, nowMs: number): void {
    if (!this.channels.has(channel))
      this.channels.set(channel, { lastDataAtMs: nowMs, lastProbeAtMs: 0, isStale: false });
  }

  /** Book data for a market arrived; returns true if it was stale (the caller lifts 'stale'). */
  marketData(ticker: MarketTicker, nowMs: number): boolean {
    const clock = this.markets.get(ticker);
    if (clock === undefined) return false;
    clock.lastDataAtMs = nowMs;
    const wasStale = clock.isStale;
    clock.isStale = false;
    return wasStale;
  }

  /** Data on a channel arrived; returns true if the channel was stale. */
  channelData(channel: StreamChannel, nowMs: number): boolean {
    const clock = this.channels.get(channel);
    if (clock === undefined) return false;
    clock.lastDataAtMs = nowMs;
    const wasStale = clock.isStale;
    clock.isStale = false;
    return wasStale;
  }

  probeSent(tickers: readonly MarketTicker[], nowMs: number): void {
    for (const ticker of tickers) {
      const clock = this.markets.get(ticker);
      if (clock !== undefined) clock.lastProbeAtMs = nowMs;
    }
  }

  check(nowMs: number): LivenessVerdict {
    const verdict: LivenessVerdict = { probe: [], staleMarkets: [], staleChannels: [], isSocketDead: false };
    verdict.isSocketDead = nowMs - this.lastFrameAtMs >= this.options.socketTimeoutMs;
    for (const [ticker, clock] of this.markets) {
      const silentMs = nowMs - clock.lastDataAtMs;
      if (!clock.isStale && silentMs >= this.options.marketTimeoutMs) {
        clock.isStale = true;
        verdict.staleMarkets.push(ticker);
      } else if (nowMs - Math.max(clock.lastDataAtMs, clock.lastProbeAtMs) >= this.options.quietProbeMs) {
        verdict.probe.push(ticker);
      }
    }
    for (const [channel, clock] of this.channels) {
      const timeoutMs = this.options.channelTimeoutMs[channel];
      if (timeoutMs === undefined || clock.isStale) continue;
      if (nowMs - clock.lastDataAtMs >= timeoutMs) {
        clock.isStale = true;
        verdict.staleChannels.push(channel);
      }
    }
    return verdict;
  }

  marketClock(ticker: MarketTicker): { lastDataAtMs: number; isStale: boolean } | null {
    const clock = this.markets.get(ticker);
    return clock === undefined ? null : { lastDataAtMs: clock.lastDataAtMs, isStale: clock.isStale };
  }

  channelClock(channel: StreamChannel): { lastDataAtMs: number; isStale: boolean } | null {
    const clock = this.channels.get(channel);
    return clock === undefined ? null : { lastDataAtMs: clock.lastDataAtMs, isStale: clock.isStale };
  }

  get lastFrameAt(): number {
    return this.lastFrameAtMs;
  }
}
