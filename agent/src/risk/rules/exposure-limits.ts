/**
 * Position and worst-case-loss limits (definitions in ../exposure.ts). Each denies only when the
 * order takes the figure over its limit AND raises it: an order that lowers an already breached
 * figure always passes, so limits never trap a trader in a position.
 */
import { addMoney, maxFixed, moneyE6, subMoney, sumMoney } from '@pt/protocol';
import type { MoneyE6 } from '@pt/protocol';
import { deny } from '../context.js';
import type { Rule, RuleContext } from '../context.js';
import { groupWorstCaseLoss, worstAbsPosition } from '../exposure.js';
import { formatContracts, formatDollars, formatGroup } from '../format.js';

const ZERO = moneyE6(0);

export const marketPositionLimit: Rule = ({ intent, settings, index, leg }) => {
  const legs = index.restingLegs.filter((resting) => resting.ticker === intent.ticker);
  const position = index.positionOf(intent.ticker);
  const before = worstAbsPosition(position, legs);
  const after = worstAbsPosition(position, [...legs, leg]);
  if (after <= settings.maxPositionCountE2 || after <= before) return null;
  return deny(
    'MARKET_POSITION_LIMIT',
    `${intent.ticker} could reach ${formatContracts(after)} if this and the resting orders fill, over the limit of ${formatContracts(settings.maxPositionCountE2)} per market.`,
  );
};

export const eventExposureLimit: Rule = ({ settings, groupLoss }) => {
  const { group, beforeE6, afterE6 } = groupLoss();
  if (afterE6 <= settings.maxEventLossE6 || afterE6 <= beforeE6) return null;
  return deny(
    'EVENT_EXPOSURE_LIMIT',
    `The worst-case loss of ${formatGroup(group)} would be ${formatDollars(afterE6)} (now ${formatDollars(beforeE6)}), over the limit of ${formatDollars(settings.maxEventLossE6)} per event.`,
  );
};

/** Sum over every event and standalone market of its worst-case loss, a locked-in profit counting 0. */
export function totalExposureE6(ctx: Pick<RuleContext, 'index'>): MoneyE6 {
  const { index } = ctx;
  return sumMoney(
    index.groups.map((group) => maxFixed(ZERO, groupWorstCaseLoss(group, index.bases, index.restingLegs))),
  );
}

export const totalExposure: Rule = (ctx) => {
  const { beforeE6, afterE6 } = ctx.groupLoss();
  const before = totalExposureE6(ctx);
  const after = addMoney(subMoney(before, maxFixed(ZERO, beforeE6)), maxFixed(ZERO, afterE6));
  if (after <= ctx.settings.maxTotalExposureE6 || after <= before) return null;
  return deny(
    'TOTAL_EXPOSURE',
    `Total worst-case exposure would be ${formatDollars(after)} (now ${formatDollars(before)}), over the ${formatDollars(ctx.settings.maxTotalExposureE6)} limit.`,
  );
};
