import { describe, expect, it } from 'vitest';
import { evaluateOrder } from '../evaluate.js';
import { MKT, intent, position, resting, settings, snapshot, ticker } from '../test-fixtures.js';

const OK = { ok: true };
const B = ticker('MKT-B');

describe('REDUCE_ONLY in REDUCING mode', () => {
  const reducing = snapshot({ mode: 'reducing', positions: [position(MKT, 1_000, 5_000_000)] });

  it('allows selling up to the whole position, or buying NO against it', () => {
    expect(evaluateOrder(intent({ action: 'sell', countE2: 1_000 }), reducing, settings())).toEqual(OK);
    expect(evaluateOrder(intent({ side: 'no', countE2: 1_000 }), reducing, settings())).toEqual(OK);
  });
  it('denies one unit past the position, and any order that adds', () => {
    expect(evaluateOrder(intent({ action: 'sell', countE2: 1_001 }), reducing, settings())).toEqual({
      ok: false,
      rule: 'REDUCE_ONLY',
      detail:
        'Trading is reduce-only, and this order would not shrink the MKT-A position (now 10 contracts).',
    });
    expect(evaluateOrder(intent({ countE2: 1 }), reducing, settings())).toMatchObject({
      rule: 'REDUCE_ONLY',
    });
  });
  it('denies a second exit of contracts a resting order already sells', () => {
    const exiting = snapshot({
      ...reducing,
      restingOrders: [resting({ action: 'sell', countE2: 700, priceE4: 5_000 })],
    });
    expect(evaluateOrder(intent({ action: 'sell', countE2: 300 }), exiting, settings())).toEqual(OK);
    expect(evaluateOrder(intent({ action: 'sell', countE2: 301 }), exiting, settings())).toEqual({
      ok: false,
      rule: 'REDUCE_ONLY',
      detail:
        'Trading is reduce-only, and this order would not shrink the MKT-A position (now 10 contracts, 7 contracts of it already on resting exit orders).',
    });
  });
  it('denies unwinding one leg of a hedged event, which raises its worst-case loss', () => {
    const hedged = snapshot(
      {
        mode: 'reducing',
        positions: [position(MKT, 1_000, 5_000_000), position(B, 1_000, 5_000_000)],
        events: [{ eventTicker: 'EVT', marketTickers: [MKT, B], isExhaustive: true }],
      },
      [MKT, B],
    );
    expect(
      evaluateOrder(intent({ action: 'sell', countE2: 1_000, priceE4: 5_000 }), hedged, settings()),
    ).toEqual({
      ok: false,
      rule: 'REDUCE_ONLY',
      detail:
        'Trading is reduce-only, and this order would raise the worst-case loss of event EVT from $0.00 to $5.00.',
    });
  });
});

describe('REDUCE_ONLY flag on the intent', () => {
  const active = snapshot({ positions: [position(MKT, -1_000, 3_000_000)] });
  it('passes when it shrinks the position, whatever the mode', () => {
    expect(
      evaluateOrder(intent({ side: 'no', action: 'sell', reduceOnly: true }), active, settings()),
    ).toEqual(OK);
  });
  it('is denied when it would grow or flip the position', () => {
    expect(evaluateOrder(intent({ side: 'no', reduceOnly: true }), active, settings())).toEqual({
      ok: false,
      rule: 'REDUCE_ONLY',
      detail:
        'This reduce-only order would not shrink the MKT-A position (now -10 contracts) without crossing zero.',
    });
    expect(evaluateOrder(intent({ countE2: 1_001, reduceOnly: true }), active, settings())).toMatchObject({
      rule: 'REDUCE_ONLY',
    });
  });
});
