/**
 * The two loss stops the portfolio drives: today's loss over `dailyLossLimitE6` → the persistent
 * `daily_loss` halt (haltOnDailyLoss), and equity more than `maxDrawdownE6` below its peak → the
 * persistent `drawdown` halt. Both are no-ops while within their limit or once a halt is set.
 */
import { moneyE6 } from '@pt/protocol';
import type { TradingState } from '@pt/protocol';
import { formatDollarsToCents, haltOnDailyLoss } from '../trading-controls/daily-loss-halt.js';
import type { TradingControls } from '../trading-controls/trading-controls.js';
import type { PortfolioView } from './portfolio-view.js';

export type LossControls = Pick<TradingControls, 'riskSettings' | 'haltBySystem'>;

export interface GuardOutcome {
  readonly dailyLoss: TradingState | null;
  readonly drawdown: TradingState | null;
}

/** Peak − equity when both are known and equity is below the peak, else 0. */
export function drawdownE6(view: Pick<PortfolioView, 'equityE6' | 'peakE6'>): number {
  if (view.equityE6 === null || view.peakE6 === null) return 0;
  return Math.max(0, view.peakE6 - view.equityE6);
}

export function isDrawdownBreached(
  view: Pick<PortfolioView, 'equityE6' | 'peakE6'>,
  maxDrawdownE6: number,
): boolean {
  return drawdownE6(view) > maxDrawdownE6;
}

export async function checkLossGuards(controls: LossControls, view: PortfolioView): Promise<GuardOutcome> {
  const dailyLoss = await haltOnDailyLoss(controls, {
    todayRealizedPnlE6: moneyE6(view.today.realizedE6),
    todayMarkedPnlE6: moneyE6(view.today.markedE6),
  });
  const { maxDrawdownE6 } = controls.riskSettings();
  if (!isDrawdownBreached(view, maxDrawdownE6)) return { dailyLoss, drawdown: null };
  const fall = formatDollarsToCents(moneyE6(drawdownE6(view)));
  const peak = formatDollarsToCents(moneyE6(view.peakE6 ?? 0));
  const equity = formatDollarsToCents(moneyE6(view.equityE6 ?? 0));
  const limit = formatDollarsToCents(maxDrawdownE6);
  const drawdown = await controls.haltBySystem(
    'drawdown',
    `Equity ${equity} is ${fall} below its peak of ${peak}, over the ${limit} maximum drawdown: trading halted until you switch it back on`,
  );
  return { dailyLoss, drawdown };
}
