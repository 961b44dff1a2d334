import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_SETTINGS, RiskSettings } from './settings.js';

describe('RiskSettings', () => {
  it('accepts the defaults', () => {
    expect(RiskSettings.parse(DEFAULT_RISK_SETTINGS)).toEqual(DEFAULT_RISK_SETTINGS);
  });

  it('rejects unknown fields (strict)', () => {
    const result = RiskSettings.safeParse({ ...DEFAULT_RISK_SETTINGS, maxLeverage: 3 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
  });

  it.each([
    ['maxOrderCountE2', 0],
    ['maxOrderCountE2', 100_000_001],
    ['maxOrderNotionalE6', 1.5],
    ['maxEventLossE6', 10_000_000_000_001],
    ['maxOpenOrders', 0],
    ['orderRateWindowMs', 999],
    ['lossCooldownMs', -1],
    ['dailyLossLimitE6', 0],
    ['preCloseBlackoutMs', 86_400_001],
    ['maxDrawdownE6', 0],
    ['cancelOrdersOnPause', 1],
    ['shutdownCancelDeadlineMs', 499],
    ['strategyGroupContractsLimitE2', 0],
  ])('rejects %s = %d and names the field', (field, value) => {
    const result = RiskSettings.safeParse({ ...DEFAULT_RISK_SETTINGS, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });

  it('reads a record written before the later fields existed, with their defaults', () => {
    const {
      maxDrawdownE6: _d,
      cancelOrdersOnPause: _p,
      cancelOrdersOnShutdown: _s,
      shutdownCancelDeadlineMs: _m,
      strategyGroupContractsLimitE2: _g,
      ...older
    } = DEFAULT_RISK_SETTINGS;
    expect(RiskSettings.parse({ ...older, maxOpenOrders: 7 })).toEqual({
      ...DEFAULT_RISK_SETTINGS,
      maxOpenOrders: 7,
    });
  });

  it('accepts every bound exactly', () => {
    const edges = {
      ...DEFAULT_RISK_SETTINGS,
      maxOrderCountE2: 100_000_000,
      lossCooldownMs: 0,
      orderRateWindowMs: 1_000,
    };
    expect(RiskSettings.safeParse(edges).success).toBe(true);
  });
});
