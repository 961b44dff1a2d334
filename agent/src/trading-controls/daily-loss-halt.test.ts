/** The daily loss breach becomes a persistent system halt on a real store; within the limit nothing is recorded. */
import { moneyE6 } from '@pt/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../test/store/temp-dir.js';
import { formatDollarsToCents, haltOnDailyLoss } from './daily-loss-halt.js';
import { TRADING_MODE_KIND } from './mode-record.js';
import { laptop, openTestStore, venueOpen, type TestStore } from './test-store.js';
import { TradingControls } from './trading-controls.js';

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

beforeEach(async () => {
  t = openTestStore();
  controls = newControls();
  await controls.updateRiskSettings({ dailyLossLimitE6: 50_000_000 }, laptop); // $50
});
afterEach(async () => {
  await t.cleanup();
});

const pnl = (realized: number, marked: number) => ({
  todayRealizedPnlE6: moneyE6(realized),
  todayMarkedPnlE6: moneyE6(marked),
});

describe('haltOnDailyLoss', () => {
  it('does nothing at the limit (inclusive) or under it', async () => {
    expect(await haltOnDailyLoss(controls, pnl(-30_000_000, -20_000_000))).toBeNull();
    expect(await haltOnDailyLoss(controls, pnl(10_000_000, -55_000_000))).toBeNull();
    expect(t.store().ledger.readByKind(TRADING_MODE_KIND)).toEqual([]);
  });

  it('halts one micro-dollar past the limit, persistently, saying by how much', async () => {
    const state = await haltOnDailyLoss(controls, pnl(-30_000_000, -20_000_001));
    expect(state).toMatchObject({ mode: 'halted', changedBy: 'system' });
    expect(state?.reason).toContain(
      "Today's loss $50.00 (realized -$30.00, marked -$20.00) is over the $50.00",
    );
    await haltOnDailyLoss(controls, pnl(-90_000_000, 0));
    expect(t.store().ledger.readByKind(TRADING_MODE_KIND)).toHaveLength(1);

    await t.restart();
    const reopened = newControls();
    expect(reopened.tradingState()).toMatchObject({ mode: 'halted', changedBy: 'system' });
    expect(reopened.currentSwitch().systemHalt()?.cause).toBe('daily_loss');
  });

  it('formats to the cent with thousands separators', () => {
    expect(formatDollarsToCents(moneyE6(1_234_567_890_000))).toBe('$1,234,567.89');
    expect(formatDollarsToCents(moneyE6(-5_000))).toBe('-$0.01');
    expect(formatDollarsToCents(moneyE6(0))).toBe('$0.00');
    expect(formatDollarsToCents(moneyE6(-4_999))).toBe('$0.00');
  });
});
