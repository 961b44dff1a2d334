/** What every rule sees: the inputs, the indexed snapshot and derived values computed on first use. */
import type { MoneyE6 } from '@pt/protocol';
import { groupWorstCaseLoss, legOf } from './exposure.js';
import type { Group, Leg } from './exposure.js';
import { isExposureReducing, sameDirectionCountE2 } from './reducing.js';
import type { RiskSettings } from './settings.js';
import { indexSnapshot } from './snapshot-index.js';
import type { SnapshotIndex } from './snapshot-index.js';
import type { OrderIntent, RiskDenial, RiskRule, RiskSnapshot } from './types.js';

export interface GroupLoss {
  readonly group: Group;
  /** Worst-case loss with today's positions and resting orders. */
  readonly beforeE6: MoneyE6;
  /** The same with the intent as one more working order. */
  readonly afterE6: MoneyE6;
}

export interface RuleContext {
  readonly intent: OrderIntent;
  readonly snapshot: RiskSnapshot;
  readonly settings: RiskSettings;
  readonly index: SnapshotIndex;
  /** The intent's full fill in YES terms. */
  readonly leg: Leg;
  /** Contracts our resting orders on this market already work in the intent's direction. */
  readonly alreadyClosingE2: number;
  /** See isExposureReducing (counting alreadyClosingE2): rules that guard new exposure let these through. */
  readonly isReducing: boolean;
  readonly groupLoss: () => GroupLoss;
}

export type Rule = (ctx: RuleContext) => RiskDenial | null;

export function deny(rule: RiskRule, detail: string): RiskDenial {
  return { ok: false, rule, detail };
}

function once<T>(compute: () => T): () => T {
  let cached: { value: T } | null = null;
  return () => {
    cached ??= { value: compute() };
    return cached.value;
  };
}

export function buildContext(
  intent: OrderIntent,
  snapshot: RiskSnapshot,
  settings: RiskSettings,
): RuleContext {
  if (!Number.isSafeInteger(intent.countE2) || intent.countE2 <= 0) {
    throw new RangeError(`risk: an order intent has a positive count (got ${intent.countE2})`);
  }
  const index = indexSnapshot(snapshot);
  const leg = legOf(intent);
  const groupLoss = once((): GroupLoss => {
    const group = index.groupOf(intent.ticker);
    return {
      group,
      beforeE6: groupWorstCaseLoss(group, index.bases, index.restingLegs),
      afterE6: groupWorstCaseLoss(group, index.bases, [...index.restingLegs, leg]),
    };
  });
  const alreadyClosingE2 = sameDirectionCountE2(leg, index.restingLegs);
  const isReducing = isExposureReducing(intent, index.positionOf(intent.ticker), alreadyClosingE2);
  return { intent, snapshot, settings, index, leg, alreadyClosingE2, isReducing, groupLoss };
}
