/**
 * The loss stops against the REAL simulator: a daily loss breach from real fills and fees sets the
 * persistent `daily_loss` halt (it survives a restart of the controls); an exit at a loss reaches
 * the risk engine as a losing exit (LOSS_COOLDOWN); equity falling past `maxDrawdownE6` below its
 * peak (persisted in the ledger) sets the persistent `drawdown` halt.
 */
import type { MarketTicker } from '@pt/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEAK_KIND, PortfolioService } from '../../src/portfolio/index.js';
import { TradingControls } from '../../src/trading-controls/trading-controls.js';
import { logger, startPortfolioWorld, trader, waitFor, type PortfolioWorld } from './harness.js';

let w: PortfolioWorld;
let ticker: MarketTicker;

beforeAll(async () => {
  w = await startPortfolioWorld(13, 'America/New_York');
  ticker = w.ticker;
}, 90_000);

afterAll(async () => {
  await w.close();
});

function haltCause(controls: TradingControls): string | undefined {
  return controls.currentSwitch().systemHalt()?.cause;
}

async function resume(): Promise<void> {
  await w.controls.setMode({ mode: 'active', reason: 'checked the losses' }, trader);
  expect(w.controls.tradingState().mode).toBe('active');
}

describe('loss halts on the simulator', () => {
  it("today's loss past the daily limit sets the persistent daily_loss halt", async () => {
    await w.controls.updateRiskSettings({ dailyLossLimitE6: 1 }, trader);
    await w.buy(ticker, 200);
    await waitFor(() => haltCause(w.controls));
    expect(haltCause(w.controls)).toBe('daily_loss');
    expect(w.controls.tradingState()).toMatchObject({ mode: 'halted', changedBy: 'system' });
    expect(w.controls.tradingState().reason).toMatch(
      /^Today's loss \$\d+\.\d\d \(realized -\$\d+\.\d\d, marked/,
    );
    const today = w.portfolio.riskInputs();
    expect(today.todayRealizedPnlE6 + today.todayMarkedPnlE6).toBeLessThan(-1);
    // Persistent: controls opened again on the same ledger (a restart) are still halted.
    const reopened = new TradingControls({
      runtime: {
        current: () => ({ environment: 'sim', store: w.store }),
        tradingState: () => w.connector.tradingState(),
        switchingTo: () => undefined,
      },
      logger,
    });
    expect(haltCause(reopened)).toBe('daily_loss');
    const denied = await w.execution.place(
      {
        ticker,
        side: 'bid',
        priceE4: 100,
        countE2: 100,
        timeInForce: 'good_till_canceled',
        maxSlippageE4: 9_999,
      },
      { kind: 'manual' },
    );
    expect(denied).toMatchObject({ kind: 'denied', denial: { rule: 'TRADING_HALTED' } });
  });

  it('an exit at a loss is a losing exit for the risk engine: new exposure there waits out the cooldown', async () => {
    await w.controls.updateRiskSettings({ dailyLossLimitE6: 10_000_000_000 }, trader);
    await resume();
    // Out completely (the best bid may be smaller than the position), so no open mark moves later.
    const held = () => w.portfolio.folds().positions.get(ticker)?.positionE2 ?? 0;
    for (let left = held(); left > 0; left = held()) {
      const sold = await w.sell(ticker, left);
      await waitFor(() => (held() === left - sold.filledCountE2 ? true : undefined));
    }
    await waitFor(() =>
      w.portfolio.riskInputs().losingExits.some((e) => e.ticker === ticker) ? true : undefined,
    );
    const denied = await w.execution.place(
      {
        ticker,
        side: 'bid',
        priceE4: 100,
        countE2: 100,
        timeInForce: 'good_till_canceled',
        maxSlippageE4: 9_999,
      },
      { kind: 'manual' },
    );
    expect(denied).toMatchObject({ kind: 'denied', denial: { rule: 'LOSS_COOLDOWN' } });
  });

  it('equity more than maxDrawdownE6 below its persisted peak sets the persistent drawdown halt', async () => {
    await w.portfolio.sync();
    const peak = w.portfolio.view().peakE6;
    expect(peak).not.toBeNull();
    expect(w.store.ledger.readByKind(PEAK_KIND).length).toBeGreaterThan(0);
    // The losses so far already put equity below the peak: the limit starts exactly there
    // (inclusive: allowed), so only the next loss breaches it.
    const before = w.portfolio.view();
    const sofar = Math.max(1, (before.peakE6 ?? 0) - (before.equityE6 ?? 0));
    await w.controls.updateRiskSettings({ maxDrawdownE6: sofar, lossCooldownMs: 0 }, trader);
    await w.portfolio.sync();
    expect(haltCause(w.controls)).toBeUndefined();
    const other = await w.quotableMarket('KX', [ticker]);
    await w.buy(other, 200);
    await w.portfolio.sync();
    await waitFor(() => haltCause(w.controls));
    expect(haltCause(w.controls)).toBe('drawdown');
    expect(w.controls.tradingState().reason).toMatch(
      /below its peak of \$[\d,]+\.\d\d, over the \$[\d,]+\.\d\d maximum drawdown/,
    );
    const view = w.portfolio.view();
    expect((view.peakE6 ?? 0) - (view.equityE6 ?? 0)).toBeGreaterThan(sofar);
    // The peak is read back from the ledger by a new service (a restart), not recomputed from zero.
    const reopened = PortfolioService.open({
      ledger: w.store.ledger,
      venue: () => null,
      logger,
      syncEveryMs: 0,
    });
    try {
      expect(reopened.view().peakE6).toBe(view.peakE6);
    } finally {
      reopened.close();
    }
  });
});
