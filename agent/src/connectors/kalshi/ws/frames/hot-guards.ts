/**
 * Hand-written edge guards for the high-rate frames (orderbook_delta, trade, ticker). A strict zod
 * parse costs ~2 µs per frame, about half the ingest budget; these check exactly the same fields,
 * types and decimal formats as the zod schemas in market-schemas.ts (a test runs both over the
 * recorded real frames and thousands of mutations and requires the same verdict and value), and
 * name the offending field path for the API-contract monitor.
 */
import { FixedPointError, type MarketTicker } from '@pt/protocol';
import { MARKET_TICKER_MESSAGE, isMarketTicker } from './market-ticker.js';
import { priceE4FromDollars, signedCountE2FromFp } from './fast-decimal.js';
import type { BookDelta, TickerUpdate, TradePrint } from './market-schemas.js';
import { parseCountFp, parsePriceDollars } from '@pt/protocol';

export type GuardResult<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

/** Thrown inside a guard, caught once at its boundary (keeps the happy path branch-light). */
class GuardFailure extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

type Json = Record<string, unknown>;

function fail(field: string, message: string): never {
  throw new GuardFailure(field, message);
}

function isJsonObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(value: unknown, field: string): Json {
  if (!isJsonObject(value)) return fail(field, 'expected an object');
  return value;
}

function positiveInt(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0)
    fail(field, 'expected a positive integer');
  return value;
}

function nonNegativeInt(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    fail(field, 'expected a non-negative integer');
  return value;
}

function optionalInt(value: unknown, field: string): void {
  if (value !== undefined && (typeof value !== 'number' || !Number.isSafeInteger(value)))
    fail(field, 'expected an integer');
}

function nonEmptyString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) fail(field, 'expected a non-empty string');
  return value;
}

function tickerField(value: unknown, field: string): MarketTicker {
  if (typeof value !== 'string') return fail(field, 'expected a string');
  if (!isMarketTicker(value)) return fail(field, MARKET_TICKER_MESSAGE);
  return value;
}

function optionalString(value: unknown, field: string): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'string') fail(field, 'expected a string');
  return value;
}

function side(value: unknown, field: string): 'yes' | 'no' {
  if (value === 'yes' || value === 'no') return value;
  return fail(field, 'expected "yes" or "no"');
}

function decimal<T>(parse: (s: string, field: string) => T, value: unknown, field: string): T {
  if (typeof value !== 'string') fail(field, 'expected a decimal string');
  try {
    return parse(value, field);
  } catch (error) {
    if (error instanceof FixedPointError) fail(field, error.message);
    throw error;
  }
}

/** ts_ms, else legacy seconds `ts` (frames captured before ts_ms existed). */
function tsMs(msg: Json): number {
  const ms = msg['ts_ms'];
  const seconds = msg['ts'] === undefined ? null : nonNegativeInt(msg['ts'], 'msg.ts');
  if (ms !== undefined) return nonNegativeInt(ms, 'msg.ts_ms');
  if (seconds === null) return fail('msg.ts_ms', 'ts_ms (or legacy ts) required');
  return seconds * 1000;
}

function guarded<T>(body: () => T): GuardResult<T> {
  try {
    return { ok: true, value: body() };
  } catch (error) {
    if (error instanceof GuardFailure) return { ok: false, field: error.field, message: error.message };
    throw error;
  }
}

export function guardOrderbookDelta(frame: unknown): GuardResult<BookDelta> {
  return guarded(() => {
    const f = object(frame, '(root)');
    if (f['type'] !== 'orderbook_delta') fail('type', 'expected "orderbook_delta"');
    const sid = positiveInt(f['sid'], 'sid');
    const seq = positiveInt(f['seq'], 'seq');
    const msg = object(f['msg'], 'msg');
    const marketTicker = tickerField(msg['market_ticker'], 'msg.market_ticker');
    nonEmptyString(msg['market_id'], 'msg.market_id');
    const priceE4 = decimal(priceE4FromDollars, msg['price_dollars'], 'msg.price_dollars');
    const deltaE2 = decimal(signedCountE2FromFp, msg['delta_fp'], 'msg.delta_fp');
    const bookSide = side(msg['side'], 'msg.side');
    optionalString(msg['ts'], 'msg.ts');
    const ms = msg['ts_ms'];
    const clientOrderId = optionalString(msg['client_order_id'], 'msg.client_order_id');
    optionalInt(msg['subaccount'], 'msg.subaccount');
    return {
      sid,
      seq,
      marketTicker,
      side: bookSide,
      priceE4,
      deltaE2,
      tsMs: ms === undefined ? null : nonNegativeInt(ms, 'msg.ts_ms'),
      clientOrderId,
    };
  });
}

export function guardTrade(frame: unknown): GuardResult<TradePrint> {
  return guarded(() => {
    const f = object(frame, '(root)');
    if (f['type'] !== 'trade') fail('type', 'expected "trade"');
    const sid = positiveInt(f['sid'], 'sid');
    const seq = positiveInt(f['seq'], 'seq');
    const msg = object(f['msg'], 'msg');
    return {
      sid,
      seq,
      tradeId: nonEmptyString(msg['trade_id'], 'msg.trade_id'),
      marketTicker: tickerField(msg['market_ticker'], 'msg.market_ticker'),
      yesPriceE4: decimal(priceE4FromDollars, msg['yes_price_dollars'], 'msg.yes_price_dollars'),
      countE2: decimal(parseCountFp, msg['count_fp'], 'msg.count_fp'),
      takerSide: side(msg['taker_side'], 'msg.taker_side'),
      tsMs: tsMs(msg),
    };
  });
}

export function guardTicker(frame: unknown): GuardResult<TickerUpdate> {
  return guarded(() => {
    const f = object(frame, '(root)');
    if (f['type'] !== 'ticker') fail('type', 'expected "ticker"');
    const sid = positiveInt(f['sid'], 'sid');
    const msg = object(f['msg'], 'msg');
    return {
      sid,
      marketTicker: tickerField(msg['market_ticker'], 'msg.market_ticker'),
      lastPriceE4: decimal(parsePriceDollars, msg['price_dollars'], 'msg.price_dollars'),
      yesBidE4: decimal(parsePriceDollars, msg['yes_bid_dollars'], 'msg.yes_bid_dollars'),
      yesAskE4: decimal(parsePriceDollars, msg['yes_ask_dollars'], 'msg.yes_ask_dollars'),
      volumeE2: decimal(parseCountFp, msg['volume_fp'], 'msg.volume_fp'),
      openInterestE2: decimal(parseCountFp, msg['open_interest_fp'], 'msg.open_interest_fp'),
      tsMs: tsMs(msg),
    };
  });
}
