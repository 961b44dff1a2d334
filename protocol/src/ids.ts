/**
 * Branded identifiers. A brand stops an OrderId from being passed where a ClientOrderId is
 * expected; the constraints are the loosest that still catch garbage, because rejecting a real
 * venue id would break reconciliation.
 */
import { z } from 'zod';

/**
 * Kalshi tickers: upper-case letters, digits, `-`, `.` (strike values such as
 * "KXHIGHNY-25DEC27-B33.5") and `_`. The WS docs give `^[A-Z0-9-]+$`, but recorded REST data
 * has dots, so we accept the wider set.
 */
const TICKER_PATTERN = /^[A-Z0-9][A-Z0-9._-]*$/;
const MAX_TICKER_LENGTH = 128;

function ticker(name: string) {
  return z
    .string()
    .max(MAX_TICKER_LENGTH)
    .regex(TICKER_PATTERN, { error: `${name} must be upper-case letters, digits, '-', '.' or '_'` });
}

export const MarketTicker = ticker('market ticker').brand<'MarketTicker'>();
export type MarketTicker = z.infer<typeof MarketTicker>;
export const EventTicker = ticker('event ticker').brand<'EventTicker'>();
export type EventTicker = z.infer<typeof EventTicker>;
export const SeriesTicker = ticker('series ticker').brand<'SeriesTicker'>();
export type SeriesTicker = z.infer<typeof SeriesTicker>;

/**
 * Venue ids are GUID-shaped but not all RFC 4122 (recorded trade id
 * "f851595a-6d92-424e-09f8-0d2669de70ae" has variant nibble 0), so `z.guid()`, never `z.uuid()`.
 */
export const OrderId = z.guid().brand<'OrderId'>();
export type OrderId = z.infer<typeof OrderId>;
export const TradeId = z.guid().brand<'TradeId'>();
export type TradeId = z.infer<typeof TradeId>;
export const FillId = z.guid().brand<'FillId'>();
export type FillId = z.infer<typeof FillId>;

/**
 * Our idempotency key for an order. Kalshi documents limits only for FIX ClOrdID (≤ 64 chars,
 * `^[-\w:+=/]*$`); staying inside them keeps an id valid on every venue path.
 */
export const ClientOrderId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[-\w:+=/]+$/, { error: "client order id may contain only letters, digits and '-_:+=/'" })
  .brand<'ClientOrderId'>();
export type ClientOrderId = z.infer<typeof ClientOrderId>;

/** A strategy's stable name, e.g. "volatility-rider". */
export const StrategyId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,63}$/, { error: 'strategy id must be lower-case kebab-case, ≤ 64 chars' })
  .brand<'StrategyId'>();
export type StrategyId = z.infer<typeof StrategyId>;
