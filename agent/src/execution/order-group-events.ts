/**
 * The strategy order groups in the ledger (source `agent.execution`, kind `execution.order_group`):
 * one row per change of a strategy's venue group (created, tripped, gone), and the fold that
 * rebuilds each strategy's current group at start-up. The ledger is per environment, so a group
 * never leaks from sim to demo or live.
 */
import { CountE2Schema, StrategyId } from '@pt/protocol';
import { z } from 'zod';
import type { LedgerEvent } from '../store/index.js';
import { EXECUTION_SOURCE } from './execution-events.js';

export const ORDER_GROUP_KIND = 'execution.order_group';

export const OrderGroupRecord = z.strictObject({
  strategyId: StrategyId,
  orderGroupId: z.string().min(1),
  /** `created`: ours from now on; `tripped`: the venue auto-canceled it; `gone`: the venue no longer has it. */
  event: z.enum(['created', 'tripped', 'gone']),
  contractsLimitE2: CountE2Schema,
  atMs: z.int().nonnegative(),
});
export type OrderGroupRecord = z.infer<typeof OrderGroupRecord>;

/** A strategy's current group as the ledger knows it. */
export interface KnownGroup {
  readonly orderGroupId: string;
  readonly contractsLimitE2: number;
  readonly isTripped: boolean;
}

export function orderGroupLedgerEvent(record: z.input<typeof OrderGroupRecord>) {
  const payload = OrderGroupRecord.parse(record);
  return {
    source: EXECUTION_SOURCE,
    sourceEventId: `group:${payload.strategyId}:${payload.orderGroupId}:${payload.event}`,
    kind: ORDER_GROUP_KIND,
    payload,
    venueTsMs: null,
  };
}

/** Rows in ledger order → each strategy's current group (a `gone` group is forgotten). */
export function foldOrderGroups(rows: readonly LedgerEvent[]): Map<string, KnownGroup> {
  const groups = new Map<string, KnownGroup>();
  for (const row of rows) {
    if (row.source !== EXECUTION_SOURCE) continue;
    const record = OrderGroupRecord.parse(row.payload);
    const current = groups.get(record.strategyId);
    if (record.event === 'created')
      groups.set(record.strategyId, {
        orderGroupId: record.orderGroupId,
        contractsLimitE2: record.contractsLimitE2,
        isTripped: false,
      });
    else if (current?.orderGroupId !== record.orderGroupId) continue;
    else if (record.event === 'tripped') groups.set(record.strategyId, { ...current, isTripped: true });
    else groups.delete(record.strategyId);
  }
  return groups;
}
