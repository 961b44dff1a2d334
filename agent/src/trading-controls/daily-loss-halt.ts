/**
 * The daily loss rule's other half: the risk engine denies new exposure once today's loss is over
 * the limit; this turns the breach into the persistent system halt only a human clears.
 */
import type { MoneyE6, TradingState } from '@pt/protocol';
import { isDailyLossBreached, todayLossE6 } from '../risk/index.js';
import type { TradingControls } from './trading-controls.js';

export interface TodayPnl {
  todayRealizedPnlE6: MoneyE6;
  todayMarkedPnlE6: MoneyE6;
}

/** `-12_345_678` → `-$12.35` (display only: rounded to the cent). */
export function formatDollarsToCents(money: MoneyE6): string {
  const cents = Math.round(Math.abs(money) / 10_000);
  const sign = money < 0 && cents > 0 ? '-' : '';
  return `${sign}$${Math.trunc(cents / 100).toLocaleString('en-US')}.${String(cents % 100).padStart(2, '0')}`;
}

/**
 * Checks today's realized + marked P&L against the current environment's daily loss limit and, when
 * it is over, sets the persistent system halt (a no-op if one is already set). Resolves the state
 * after the halt, or null when within the limit. Call it whenever P&L is re-marked or a fill lands.
 */
export async function haltOnDailyLoss(
  controls: Pick<TradingControls, 'riskSettings' | 'haltBySystem'>,
  pnl: TodayPnl,
): Promise<TradingState | null> {
  const settings = controls.riskSettings();
  if (!isDailyLossBreached(pnl, settings)) return null;
  const loss = formatDollarsToCents(todayLossE6(pnl));
  const realized = formatDollarsToCents(pnl.todayRealizedPnlE6);
  const marked = formatDollarsToCents(pnl.todayMarkedPnlE6);
  const limit = formatDollarsToCents(settings.dailyLossLimitE6);
  return controls.haltBySystem(
    'daily_loss',
    `Today's loss ${loss} (realized ${realized}, marked ${marked}) is over the ${limit} daily limit: trading halted until you switch it back on`,
  );
}
