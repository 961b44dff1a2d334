/** Rules that stop new exposure after losses; orders that reduce a position always pass. */
import { addMoney, negMoney } from '@pt/protocol';
import type { MoneyE6 } from '@pt/protocol';
import { deny } from '../context.js';
import type { Rule } from '../context.js';
import { formatDollars, formatDuration } from '../format.js';
import type { RiskSettings } from '../settings.js';
import type { RiskSnapshot } from '../types.js';

/** Today's realized + marked loss (positive = money lost). */
export function todayLossE6(
  snapshot: Pick<RiskSnapshot, 'todayRealizedPnlE6' | 'todayMarkedPnlE6'>,
): MoneyE6 {
  return negMoney(addMoney(snapshot.todayRealizedPnlE6, snapshot.todayMarkedPnlE6));
}

/** True when the caller must switch to a persistent HALT that only a person clears. */
export function isDailyLossBreached(
  snapshot: Pick<RiskSnapshot, 'todayRealizedPnlE6' | 'todayMarkedPnlE6'>,
  settings: Pick<RiskSettings, 'dailyLossLimitE6'>,
): boolean {
  return todayLossE6(snapshot) > settings.dailyLossLimitE6;
}

export const dailyLossLimit: Rule = ({ snapshot, settings, isReducing }) => {
  if (isReducing || !isDailyLossBreached(snapshot, settings)) return null;
  return deny(
    'DAILY_LOSS_LIMIT',
    `Today's loss is ${formatDollars(todayLossE6(snapshot))} (realized ${formatDollars(snapshot.todayRealizedPnlE6)}, marked ${formatDollars(snapshot.todayMarkedPnlE6)}), over the ${formatDollars(settings.dailyLossLimitE6)} daily limit: only orders that reduce a position are allowed.`,
  );
};

export const lossCooldown: Rule = ({ intent, snapshot, settings, index, isReducing }) => {
  const exitAtMs = index.lastLosingExitMs.get(intent.ticker);
  if (isReducing || exitAtMs === undefined) return null;
  const elapsedMs = snapshot.nowMs - exitAtMs;
  if (elapsedMs >= settings.lossCooldownMs) return null;
  return deny(
    'LOSS_COOLDOWN',
    `${intent.ticker} had a losing exit ${formatDuration(Math.max(0, elapsedMs))} ago: new exposure there waits out the ${formatDuration(settings.lossCooldownMs)} cooldown (${formatDuration(settings.lossCooldownMs - elapsedMs)} left).`,
  );
};
