/** REDUCING mode and the intent's own reduce-only flag. */
import { countE2 } from '@pt/protocol';
import { deny } from '../context.js';
import type { Rule, RuleContext } from '../context.js';
import { formatContracts, formatDollars, formatGroup } from '../format.js';

function describePosition({ intent, index, leg, alreadyClosingE2 }: RuleContext): string {
  const position = index.positionOf(intent.ticker);
  const isExit = position !== 0 && Math.sign(leg.deltaE2) !== Math.sign(position);
  const closing = isExit && alreadyClosingE2 > 0;
  return closing
    ? `${formatContracts(position)}, ${formatContracts(countE2(alreadyClosingE2))} of it already on resting exit orders`
    : formatContracts(position);
}

/**
 * In REDUCING mode an order must shrink |position| of its market without crossing zero AND must not
 * raise the worst-case loss of its event: selling one leg of a hedged event can do the first and not
 * the second.
 */
export const reduceOnly: Rule = (ctx) => {
  const { intent, snapshot, isReducing, groupLoss } = ctx;
  const position = describePosition(ctx);
  if (intent.reduceOnly && !isReducing) {
    return deny(
      'REDUCE_ONLY',
      `This reduce-only order would not shrink the ${intent.ticker} position (now ${position}) without crossing zero.`,
    );
  }
  if (snapshot.mode !== 'reducing') return null;
  if (!isReducing) {
    return deny(
      'REDUCE_ONLY',
      `Trading is reduce-only, and this order would not shrink the ${intent.ticker} position (now ${position}).`,
    );
  }
  const { group, beforeE6, afterE6 } = groupLoss();
  if (afterE6 <= beforeE6) return null;
  return deny(
    'REDUCE_ONLY',
    `Trading is reduce-only, and this order would raise the worst-case loss of ${formatGroup(group)} from ${formatDollars(beforeE6)} to ${formatDollars(afterE6)}.`,
  );
};
