import { describe, expect, it } from 'vitest';
import type { TradingState } from '@pt/protocol';
import { ActivityKind } from '@pt/protocol';
import { tradingStateChanged } from './system-activity.js';

const at = 1_795_000_000_000;
const state = (
  mode: TradingState['mode'],
  changedBy: TradingState['changedBy'],
  reason: string,
): TradingState => ({
  mode,
  changedBy,
  reason,
  sinceMs: at,
});

describe('tradingStateChanged', () => {
  it('says who moved the switch, to what, and why — one entry per change', () => {
    const halted = tradingStateChanged(state('halted', 'user', 'lunch'), 'sim');
    expect(halted).toMatchObject({
      kind: 'trading_state',
      severity: 'warning',
      key: `trading-state:sim:halted:${at}`,
    });
    expect(halted.message).toMatch(/^Trading halted by the trader: lunch\.$/);
    const reducing = tradingStateChanged(state('reducing', 'user', 'news at 2pm'), 'demo');
    expect(reducing.message).toMatch(/reducing only by the trader/);
    expect(reducing.key).toBe(`trading-state:demo:reducing:${at}`);
    const resumed = tradingStateChanged(state('active', 'system', 'reconciled'), 'sim');
    expect(resumed).toMatchObject({ severity: 'info' });
    expect(resumed.message).toMatch(/^Trading resumed by the agent/);
    for (const entry of [halted, reducing, resumed])
      expect(ActivityKind.safeParse(entry.kind).success).toBe(true);
  });
});
