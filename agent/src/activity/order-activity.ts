/**
 * Activity for the order road: placed, acknowledged, filled, canceled, rejected, unknown, and risk
 * denials. Keys tie each to its order so reporting the same step twice records it once.
 */
import type { CountE2, MoneyE6, PriceE4 } from '@pt/protocol';
import type { RiskRule } from '../risk/index.js';
import type { ActivityInput } from './activity-input.js';
import { contracts, dollars, price, sentence, sideVerb } from './format.js';

export interface OrderRef {
  ticker: string;
  clientOrderId: string;
  /** Null until the venue acknowledges the order. */
  orderId?: string | null;
  strategyId?: string | null;
}

export interface OrderTerms {
  side: 'bid' | 'ask';
  priceE4: PriceE4;
  countE2: CountE2;
}

function ref(order: OrderRef): Pick<ActivityInput, 'ticker' | 'clientOrderId' | 'orderId' | 'strategyId'> {
  return {
    ticker: order.ticker,
    clientOrderId: order.clientOrderId,
    orderId: order.orderId ?? null,
    strategyId: order.strategyId ?? null,
  };
}

function terms(t: OrderTerms): string {
  return `${sideVerb(t.side)} ${contracts(t.countE2)} YES at ${price(t.priceE4)}`;
}

export function orderPlaced(order: OrderRef, t: OrderTerms): ActivityInput {
  return {
    key: `order:${order.clientOrderId}:placed`,
    kind: 'order',
    severity: 'info',
    message: `Order sent on ${order.ticker}: ${terms(t)}.`,
    ...ref(order),
  };
}

export function orderAcked(order: OrderRef & { orderId: string }): ActivityInput {
  return {
    key: `order:${order.clientOrderId}:acked`,
    kind: 'order',
    severity: 'info',
    message: `Order accepted by the venue on ${order.ticker}.`,
    ...ref(order),
  };
}

export interface FillTerms extends OrderTerms {
  /** The venue's trade id: the fill's key. */
  tradeId: string;
  feeE6: MoneyE6;
}

export function orderFilled(
  order: Omit<OrderRef, 'clientOrderId'> & { clientOrderId: string | null },
  fill: FillTerms,
): ActivityInput {
  const verb = fill.side === 'bid' ? 'Bought' : 'Sold';
  return {
    key: `fill:${fill.tradeId}`,
    kind: 'fill',
    severity: 'info',
    message: `${verb} ${contracts(fill.countE2)} YES on ${order.ticker} at ${price(fill.priceE4)} (fee ${dollars(fill.feeE6)}).`,
    ticker: order.ticker,
    orderId: order.orderId ?? null,
    clientOrderId: order.clientOrderId,
    strategyId: order.strategyId ?? null,
  };
}

export function orderCanceled(order: OrderRef, remainingCountE2: CountE2): ActivityInput {
  return {
    key: `order:${order.clientOrderId}:canceled`,
    kind: 'order',
    severity: 'info',
    message: `Order canceled on ${order.ticker}; ${contracts(remainingCountE2)} contracts were unfilled.`,
    ...ref(order),
  };
}

export function orderRejected(order: OrderRef, reason: string): ActivityInput {
  return {
    key: `order:${order.clientOrderId}:rejected`,
    kind: 'order',
    severity: 'warning',
    message: `Order rejected on ${order.ticker}: ${sentence(reason)}`,
    ...ref(order),
  };
}

/** The answer was lost: the market stays blocked until reconciliation settles it. */
export function orderUnknown(order: OrderRef, reason: string): ActivityInput {
  return {
    key: `order:${order.clientOrderId}:unknown`,
    kind: 'order',
    severity: 'error',
    message: `Order outcome unknown on ${order.ticker} (${reason.trim()}); the market is blocked until reconciliation settles it.`,
    ...ref(order),
  };
}

export interface RiskDenialActivity {
  rule: RiskRule;
  /** The denial's sentence for the trader. */
  detail: string;
  ticker: string;
  clientOrderId?: string | null;
  strategyId?: string | null;
  /** Default: `risk:<clientOrderId>` when there is one, else a random id. */
  key?: string;
}

export function riskDenied(denial: RiskDenialActivity): ActivityInput {
  const key =
    denial.key ??
    (denial.clientOrderId === undefined || denial.clientOrderId === null
      ? undefined
      : `risk:${denial.clientOrderId}`);
  return {
    ...(key === undefined ? {} : { key }),
    kind: 'risk',
    severity: 'warning',
    message: `Order on ${denial.ticker} denied by ${denial.rule}: ${sentence(denial.detail)}`,
    ticker: denial.ticker,
    clientOrderId: denial.clientOrderId ?? null,
    strategyId: denial.strategyId ?? null,
  };
}
