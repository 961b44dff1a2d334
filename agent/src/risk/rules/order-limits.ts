/** Per-order limits that protect against fat fingers and runaway loops, for every order. */
import { notional } from '@pt/protocol';
import { deny } from '../context.js';
import type { Rule } from '../context.js';
import { formatContracts, formatDollars, formatDuration, formatPrice } from '../format.js';

export const maxOrderSize: Rule = ({ intent, settings }) =>
  intent.countE2 > settings.maxOrderCountE2
    ? deny(
        'MAX_ORDER_SIZE',
        `The order is for ${formatContracts(intent.countE2)}, over the limit of ${formatContracts(settings.maxOrderCountE2)} per order.`,
      )
    : null;

/** Value on the order's own leg: what a buy pays, or what a sale receives, at the limit. */
export const maxOrderNotional: Rule = ({ intent, settings }) => {
  const value = notional(intent.priceE4, intent.countE2);
  if (value <= settings.maxOrderNotionalE6) return null;
  return deny(
    'MAX_ORDER_NOTIONAL',
    `The order is worth ${formatDollars(value)} (${formatContracts(intent.countE2)} at ${formatPrice(intent.priceE4)}), over the limit of ${formatDollars(settings.maxOrderNotionalE6)} per order.`,
  );
};

/** Sliding window: submissions in (now − window, now], plus this one, must not exceed the limit. */
export const orderRate: Rule = ({ snapshot, settings }) => {
  const since = snapshot.nowMs - settings.orderRateWindowMs;
  const recent = snapshot.recentOrderTimesMs.filter((at) => at > since).length;
  if (recent < settings.maxOrdersPerWindow) return null;
  const window = formatDuration(settings.orderRateWindowMs);
  return deny(
    'ORDER_RATE',
    `${recent} orders were sent in the last ${window}, and the limit is ${settings.maxOrdersPerWindow} per ${window}.`,
  );
};

export const maxOpenOrders: Rule = ({ snapshot, settings }) => {
  const open = snapshot.restingOrders.length;
  if (open < settings.maxOpenOrders) return null;
  return deny(
    'MAX_OPEN_ORDERS',
    `${open} orders are already resting, and the limit is ${settings.maxOpenOrders} open orders.`,
  );
};
