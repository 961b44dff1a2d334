import { moneyE6 } from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import { evaluateOrder } from '../evaluate.js';
import { MKT, NOW_MS, intent, position, settings, snapshot, ticker } from '../test-fixtures.js';
import { isDailyLossBreached } from './loss.js';

const OK = { ok: true };
const holding = [position(MKT, 1_000, 5_000_000)];

describe('DAILY_LOSS_LIMIT', () => {
  const limits = settings({ dailyLossLimitE6: 100_000_000 });
  const lost = (marked: number) =>
    snapshot({
      todayRealizedPnlE6: moneyE6(-60_000_000),
      todayMarkedPnlE6: moneyE6(marked),
      positions: holding,
    });

  it('allows new exposure at a $100 loss, denies at $100.000001', () => {
    expect(evaluateOrder(intent(), lost(-40_000_000), limits)).toEqual(OK);
    expect(isDailyLossBreached(lost(-40_000_000), limits)).toBe(false);
    expect(evaluateOrder(intent(), lost(-40_000_001), limits)).toEqual({
      ok: false,
      rule: 'DAILY_LOSS_LIMIT',
      detail:
        "Today's loss is $100.000001 (realized -$60.00, marked -$40.000001), over the $100.00 daily limit: only orders that reduce a position are allowed.",
    });
    expect(isDailyLossBreached(lost(-40_000_001), limits)).toBe(true);
  });
  it('still lets a position be reduced, and counts marked gains against realized losses', () => {
    expect(evaluateOrder(intent({ action: 'sell' }), lost(-90_000_000), limits)).toEqual(OK);
    expect(evaluateOrder(intent(), lost(+50_000_000), limits)).toEqual(OK);
  });
});

describe('LOSS_COOLDOWN', () => {
  const limits = settings({ lossCooldownMs: 300_000 });
  const exitedAgo = (ms: number) =>
    snapshot({ losingExits: [{ ticker: MKT, atMs: NOW_MS - ms }], positions: holding });

  it('allows new exposure once the cooldown has run, denies 1 ms before', () => {
    expect(evaluateOrder(intent(), exitedAgo(300_000), limits)).toEqual(OK);
    expect(evaluateOrder(intent(), exitedAgo(240_000), limits)).toEqual({
      ok: false,
      rule: 'LOSS_COOLDOWN',
      detail: 'MKT-A had a losing exit 4m ago: new exposure there waits out the 5m cooldown (1m left).',
    });
    expect(evaluateOrder(intent(), exitedAgo(299_999), limits)).toMatchObject({ rule: 'LOSS_COOLDOWN' });
  });
  it('uses the latest exit, lets reductions through, and leaves other markets alone', () => {
    const twoExits = snapshot({
      losingExits: [
        { ticker: MKT, atMs: NOW_MS - 10_000 },
        { ticker: MKT, atMs: NOW_MS - 900_000 },
      ],
      positions: holding,
    });
    expect(evaluateOrder(intent(), twoExits, limits)).toMatchObject({ rule: 'LOSS_COOLDOWN' });
    expect(evaluateOrder(intent({ action: 'sell' }), twoExits, limits)).toEqual(OK);
    const other = ticker('MKT-B');
    const elsewhere = snapshot({ losingExits: [{ ticker: other, atMs: NOW_MS }] });
    expect(evaluateOrder(intent(), elsewhere, limits)).toEqual(OK);
  });
});
