import { Order, Position } from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import { evaluateOrder } from './evaluate.js';
import { marketPositionFromProtocol, restingOrderFromProtocol } from './from-protocol.js';
import { MKT, NOW_MS, intent, settings, snapshot } from './test-fixtures.js';

function order(fields: Record<string, unknown>): Order {
  return Order.parse({
    orderId: '5f1c2d3e-4a5b-4c6d-8e7f-901234567890',
    clientOrderId: 'pt-1',
    ticker: 'MKT-A',
    side: 'bid',
    priceE4: 4_000,
    countE2: 1_000,
    filledCountE2: 0,
    remainingCountE2: 1_000,
    timeInForce: 'good_till_canceled',
    status: 'resting',
    origin: { kind: 'manual' },
    statusDetail: null,
    createdAtMs: NOW_MS,
    updatedAtMs: NOW_MS,
    ...fields,
  });
}

describe('restingOrderFromProtocol', () => {
  it('a YES-book bid buys YES at its price, an ask sells YES at it', () => {
    expect(restingOrderFromProtocol(order({}))).toEqual({
      ticker: MKT,
      side: 'yes',
      action: 'buy',
      priceE4: 4_000,
      remainingCountE2: 1_000,
    });
    expect(restingOrderFromProtocol(order({ side: 'ask' }))).toMatchObject({ action: 'sell' });
  });
  it('keeps what may still fill (unknown included), drops what cannot', () => {
    const partial = order({ status: 'partially_filled', filledCountE2: 400, remainingCountE2: 600 });
    expect(restingOrderFromProtocol(partial)).toMatchObject({ remainingCountE2: 600 });
    expect(restingOrderFromProtocol(order({ status: 'unknown' }))).not.toBeNull();
    expect(restingOrderFromProtocol(order({ status: 'submitting', orderId: null }))).not.toBeNull();
    const filled = order({ status: 'filled', filledCountE2: 1_000, remainingCountE2: 0 });
    expect(restingOrderFromProtocol(filled)).toBeNull();
    expect(restingOrderFromProtocol(order({ status: 'canceled', remainingCountE2: 0 }))).toBeNull();
    expect(restingOrderFromProtocol(order({ status: 'rejected', orderId: null }))).toBeNull();
  });
});

describe('marketPositionFromProtocol', () => {
  it('takes the signed count and the market exposure as the cost, and the engine sees it', () => {
    const position = Position.parse({
      ticker: 'MKT-A',
      eventTicker: 'EVT',
      positionCountE2: -1_000,
      exposureMoneyE6: 3_000_000,
      realizedPnlMoneyE6: 0,
      unrealizedPnlMoneyE6: null,
      feesPaidMoneyE6: 0,
      totalTradedMoneyE6: 3_000_000,
      updatedAtMs: NOW_MS,
    });
    const mapped = marketPositionFromProtocol(position);
    expect(mapped).toEqual({ ticker: MKT, positionCountE2: -1_000, costE6: 3_000_000 });
    // 10 NO held: buying 10 YES closes them, so it reduces, even in REDUCING mode.
    const state = snapshot({ mode: 'reducing', positions: [mapped] });
    expect(evaluateOrder(intent({ countE2: 1_000 }), state, settings())).toEqual({ ok: true });
  });
});
