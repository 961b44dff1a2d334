/**
 * Small zod building blocks for Kalshi response fields: fixed-point strings become protocol
 * integers, ISO times become epoch ms, integer cents become MoneyE6. Each one fails with a message
 * naming what was expected, never substituting a default.
 */
import { z } from 'zod';
import {
  EventTicker,
  MarketTicker,
  OrderId,
  SeriesTicker,
  centsToMoney,
  countFpString,
  moneyDollarsString,
  priceDollarsString,
  signedCountFpString,
} from '@pt/protocol';

export const price = priceDollarsString;
export const count = countFpString;
export const signedCount = signedCountFpString;
export const money = moneyDollarsString;
export const marketTicker = MarketTicker;
export const eventTicker = EventTicker;
export const seriesTicker = SeriesTicker;
export const orderId = OrderId;

/** ISO-8601 / RFC 3339 time string → epoch ms. */
export const isoTimeMs = z.string().transform((raw, ctx): number => {
  const ms = Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(ms)) {
    ctx.issues.push({ code: 'custom', message: 'must be an ISO-8601 time', input: raw });
    return z.NEVER;
  }
  return ms;
});

/** Integer cents (the few fields Kalshi still sends that way: balance, revenue...) → MoneyE6. */
export const centsMoney = z.int().transform((cents) => centsToMoney(cents));

/** Known field the client does not use: declared so it is not reported as unknown. */
export const ignored = z.unknown().optional();

export const outcomeSide = z.enum(['yes', 'no']);
export const bookSide = z.enum(['bid', 'ask']);

/** Cursor: '' or absent both mean "no next page". */
export const cursor = z
  .string()
  .optional()
  .transform((c) => (c === undefined || c === '' ? undefined : c));
