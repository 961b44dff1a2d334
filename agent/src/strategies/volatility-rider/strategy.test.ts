import { describe, expect, it } from 'vitest';
import { replay } from '../core/replay.js';
import { book, clock, fill } from '../core/test-events.js';
import type { StrategyEvent } from '../core/types.js';
import { VolatilityRiderConfig } from './config.js';
import { volatilityRider } from './strategy.js';

const T = 'KXTEST-1';
const HOUR = 3_600_000;
const ctx = { closeTimeMs: 100 * HOUR };
const config = VolatilityRiderConfig.parse({ tickers: [T], windowSize: 5, sampleIntervalMs: 0 });

/** Five calm samples around $0.50 (bid/ask 1 cent apart), then one jump. */
function series(jumpBidE4: number, jumpAskE4: number, t0 = 1_000): StrategyEvent[] {
  const calm = [4950, 4960, 4950, 4960, 4950].map((bid, i) => book(T, t0 + i * 1000, bid, bid + 100));
  return [...calm, book(T, t0 + 5000, jumpBidE4, jumpAskE4)];
}

describe('volatility rider entries', () => {
  it('waits for a full window before any signal', () => {
    const events = series(5400, 5500).slice(1);
    expect(replay(volatilityRider, config, T, events, ctx).decisions).toEqual([]);
  });

  it('buys an up breakout at the ask, sized by the risk budget', () => {
    const { decisions } = replay(volatilityRider, config, T, series(5400, 5500), ctx);
    expect(decisions).toHaveLength(1);
    // $3 budget / $0.03 stop = 100 contracts, capped at 10 (maxCountE2 1000); $0.10 buys 3.
    expect(decisions[0]?.decision).toMatchObject({
      kind: 'intent',
      side: 'bid',
      priceE4: 5500,
      countE2: 1000,
      timeInForce: 'immediate_or_cancel',
      isReduceOnly: false,
    });
  });

  it('sells a down breakout at the bid; a smaller budget gives fewer contracts', () => {
    const small = { ...config, riskBudgetE6: 100_000 };
    const { decisions } = replay(volatilityRider, small, T, series(4500, 4600), ctx);
    expect(decisions[0]?.decision).toMatchObject({
      kind: 'intent',
      side: 'ask',
      priceE4: 4500,
      countE2: 300,
    });
  });

  it('refuses inside the pre-close window and when the close is unknown', () => {
    const soon = { closeTimeMs: 6_000 + 10 * 60_000 };
    const blocked = replay(volatilityRider, config, T, series(5400, 5500), soon).decisions;
    expect(blocked[0]?.decision).toMatchObject({ kind: 'not_traded', reason: 'pre_close_window' });
    const unknown = replay(volatilityRider, config, T, series(5400, 5500), { closeTimeMs: null }).decisions;
    expect(unknown[0]?.decision).toMatchObject({ kind: 'not_traded', reason: 'market_not_active' });
  });

  it('refuses a wide spread and a stale book', () => {
    const wide = replay(volatilityRider, config, T, series(5400, 6600), ctx).decisions;
    expect(wide[0]?.decision).toMatchObject({ kind: 'not_traded', reason: 'spread_too_wide' });
    const events = series(5400, 5500);
    const last = events[5] as Extract<StrategyEvent, { type: 'book' }>;
    events[5] = { ...last, asOfMs: last.atMs - 10 * 60_000 };
    const stale = replay(volatilityRider, config, T, events, ctx).decisions;
    expect(stale[0]?.decision).toMatchObject({ kind: 'not_traded', reason: 'data_stale' });
  });

  it('never enters on an unquotable book', () => {
    const events = series(5400, 5500).map((e) => (e.type === 'book' ? { ...e, isQuotable: false } : e));
    expect(replay(volatilityRider, config, T, events, ctx).decisions).toEqual([]);
  });

  it('gates on the model probability and records the model id', () => {
    const gated = { ...config, modelGate: { isEnabled: true, minProbability: 0.6 } };
    const none = replay(volatilityRider, gated, T, series(5400, 5500), ctx).decisions;
    expect(none[0]?.decision).toMatchObject({ kind: 'not_traded', reason: 'model_gate_closed' });
    const model = { id: 'mid-up-v1', probabilityUp: 0.7 };
    const open = replay(volatilityRider, gated, T, series(5400, 5500), { ...ctx, model }).decisions;
    expect(open[0]?.decision).toMatchObject({ kind: 'intent', inputs: { modelId: 'mid-up-v1' } });
    const down = replay(volatilityRider, gated, T, series(4500, 4600), { ...ctx, model }).decisions;
    expect(down[0]?.decision).toMatchObject({ kind: 'not_traded', reason: 'model_gate_closed' });
    // A model that gives its own down probability is read for a sell.
    const both = { ...ctx, model: { ...model, probabilityDown: 0.65 } };
    const sell = replay(volatilityRider, gated, T, series(4500, 4600), both).decisions;
    expect(sell[0]?.decision).toMatchObject({ kind: 'intent', side: 'ask' });
  });
});

describe('volatility rider exits', () => {
  const entered = [...series(5400, 5500), fill(T, 6_500, 'bid', 5500, 1000)];

  it('takes profit reduce-only for the whole position', () => {
    const { decisions } = replay(volatilityRider, config, T, [...entered, book(T, 7_000, 6000, 6100)], ctx);
    expect(decisions[1]?.decision).toMatchObject({
      kind: 'intent',
      side: 'ask',
      priceE4: 6000,
      countE2: 1000,
      isReduceOnly: true,
      inputs: { barrier: 'take_profit' },
    });
  });

  it('stops out at the stop loss', () => {
    const { decisions } = replay(volatilityRider, config, T, [...entered, book(T, 7_000, 5200, 5300)], ctx);
    expect(decisions[1]?.decision).toMatchObject({ isReduceOnly: true, inputs: { barrier: 'stop_loss' } });
  });

  it('leaves at the time limit on a clock tick, and goes quiet once flat', () => {
    const late = 6_500 + config.maxHoldMs;
    const events = [...entered, book(T, 7_000, 5450, 5550), clock(late - 1), clock(late)];
    const { decisions, state } = replay(volatilityRider, config, T, events, ctx);
    expect(decisions.map((d) => d.atMs)).toEqual([6_000, late]);
    expect(decisions[1]?.decision).toMatchObject({ isReduceOnly: true, inputs: { barrier: 'time_limit' } });
    const flat = replay(volatilityRider, config, T, [...events, fill(T, late + 10, 'ask', 5450, 1000)], ctx);
    expect(flat.state.position.netE2).toBe(0);
    expect(state.position.netE2).toBe(1000);
  });
});
