/**
 * Stream names. Every server event belongs to one stream and carries that stream's `seq`, which
 * the agent increments by exactly one per event (not per connection), so a client that sees a jump
 * knows it missed something and sends `resync`.
 *
 * Account-wide streams have fixed names; market data is one stream per market (`market:<TICKER>`),
 * so subscribing to a few markets never produces apparent gaps from the markets left out.
 */
import { z } from 'zod';
import { MarketTicker } from '../ids.js';

export const AccountStream = z.enum([
  'orders',
  'fills',
  'positions',
  'balance',
  'trading_state',
  'activity',
  'health',
  'flatten',
]);
export type AccountStream = z.infer<typeof AccountStream>;

const MARKET_STREAM_PREFIX = 'market:';

export const MarketStream = z
  .string()
  .refine((name) => name.startsWith(MARKET_STREAM_PREFIX), {
    error: "market stream names start with 'market:'",
  })
  .refine((name) => MarketTicker.safeParse(name.slice(MARKET_STREAM_PREFIX.length)).success, {
    error: 'market stream names end with a market ticker',
  });
export type MarketStream = z.infer<typeof MarketStream>;

export const StreamName = z.union([AccountStream, MarketStream]);
export type StreamName = z.infer<typeof StreamName>;

export function marketStream(ticker: MarketTicker): string {
  return `${MARKET_STREAM_PREFIX}${ticker}`;
}

/** Position of an event in its stream: 1 for the first event, +1 for each next one. */
export const Seq = z.int().min(1);
export type Seq = z.infer<typeof Seq>;
