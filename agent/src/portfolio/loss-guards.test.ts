/** The drawdown stop on real trading controls (a real SQLite ledger): inclusive limit, persistent halt. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../test/store/temp-dir.js';
import { laptop, openTestStore, venueOpen, type TestStore } from '../trading-controls/test-store.js';
import { TradingControls } from '../trading-controls/trading-controls.js';
import { checkLossGuards, drawdownE6 } from './loss-guards.js';
import type { PortfolioView } from './portfolio-view.js';

let t: TestStore;
let controls: TradingControls;

function newControls(): TradingControls {
  return new TradingControls({
    runtime: {
      current: () => ({ environment: 'sim', store: t.store() }),
      tradingState: () => venueOpen,
      switchingTo: () => undefined,
    },
    logger: silentLogger,
  });
}

function view(equityE6: number | null, peakE6: number | null, todayE6 = 0): PortfolioView {
  return {
    positions: [],
    realizedNetE6: 0,
    unrealizedE6: 0,
    feesE6: 0,
    exposureE6: 0,
    today: { date: '2026-11-25', realizedE6: todayE6, markedE6: 0 },
    unmarkedTickers: [],
    equityE6,
    peakE6,
    asOfMs: 1,
  };
}

beforeEach(async () => {
  t = openTestStore();
  controls = newControls();
  await controls.updateRiskSettings({ maxDrawdownE6: 10_000_000, dailyLossLimitE6: 50_000_000 }, laptop);
});
afterEach(async () => {
  await t.cleanup();
});

describe('checkLossGuards', () => {
  it('allows a drawdown equal to the limit, and unknown equity never halts', async () => {
    expect(drawdownE6(view(90_000_000, 100_000_000))).toBe(10_000_000);
    expect(await checkLossGuards(controls, view(90_000_000, 100_000_000))).toEqual({
      dailyLoss: null,
      drawdown: null,
    });
    expect(await checkLossGuards(controls, view(null, 100_000_000))).toEqual({
      dailyLoss: null,
      drawdown: null,
    });
    expect(controls.tradingState().mode).toBe('active');
  });

  it('one micro-dollar past the limit halts with the drawdown cause, and it persists', async () => {
    const outcome = await checkLossGuards(controls, view(89_999_999, 100_000_000));
    expect(outcome.drawdown).toMatchObject({ mode: 'halted', changedBy: 'system' });
    expect(outcome.drawdown?.reason).toContain('Equity $90.00 is $10.00 below its peak of $100.00');
    await t.restart();
    expect(newControls().currentSwitch().systemHalt()?.cause).toBe('drawdown');
  });

  it("today's loss past its limit halts with the daily_loss cause first", async () => {
    const outcome = await checkLossGuards(controls, view(0, 100_000_000, -50_000_001));
    expect(outcome.dailyLoss).toMatchObject({ mode: 'halted' });
    expect(controls.currentSwitch().systemHalt()?.cause).toBe('daily_loss');
  });
});
