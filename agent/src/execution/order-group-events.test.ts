import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../store/index.js';
import { foldOrderGroups, orderGroupLedgerEvent, type OrderGroupRecord } from './order-group-events.js';

let id = 0;
function row(record: {
  strategyId: string;
  orderGroupId: string;
  event: OrderGroupRecord['event'];
  limit?: number;
}): LedgerEvent {
  const event = orderGroupLedgerEvent({
    strategyId: record.strategyId,
    orderGroupId: record.orderGroupId,
    event: record.event,
    contractsLimitE2: record.limit ?? 500,
    atMs: 1,
  });
  id += 1;
  return { ...event, id, ingestTsMs: 1 };
}

describe('foldOrderGroups', () => {
  it('keeps each strategy on its latest created group, with its trip', () => {
    const groups = foldOrderGroups([
      row({ strategyId: 's1', orderGroupId: 'g1', event: 'created' }),
      row({ strategyId: 's2', orderGroupId: 'g2', event: 'created' }),
      row({ strategyId: 's1', orderGroupId: 'g1', event: 'tripped' }),
      row({ strategyId: 's2', orderGroupId: 'g3', event: 'created', limit: 700 }),
    ]);
    expect(groups.get('s1')).toEqual({ orderGroupId: 'g1', contractsLimitE2: 500, isTripped: true });
    expect(groups.get('s2')).toEqual({ orderGroupId: 'g3', contractsLimitE2: 700, isTripped: false });
  });

  it('forgets a group the venue lost, and ignores news about a replaced group', () => {
    const groups = foldOrderGroups([
      row({ strategyId: 's1', orderGroupId: 'g1', event: 'created' }),
      row({ strategyId: 's1', orderGroupId: 'g1', event: 'gone' }),
      row({ strategyId: 's2', orderGroupId: 'g2', event: 'created' }),
      row({ strategyId: 's2', orderGroupId: 'g4', event: 'created' }),
      row({ strategyId: 's2', orderGroupId: 'g2', event: 'tripped' }),
    ]);
    expect(groups.has('s1')).toBe(false);
    expect(groups.get('s2')).toEqual({ orderGroupId: 'g4', contractsLimitE2: 500, isTripped: false });
  });

  it('refuses a row that does not parse (a broken invariant)', () => {
    const bad = {
      ...row({ strategyId: 's1', orderGroupId: 'g1', event: 'created' }),
      payload: { event: 'x' },
    };
    expect(() => foldOrderGroups([bad])).toThrow();
  });
});
