/**
 * The manual ticket's text fields → a PlaceOrderRequest in fixed point (never floats), checked with
 * the protocol schema so each problem names its field. Prices and the fat-finger slippage are
 * typed in dollars ("0.05"), counts in contracts ("1" or "2.5").
 */
import { PlaceOrderRequest, parseCountFp, parsePriceDollars } from '@pt/protocol';
import type { OrderSide, TimeInForce } from '@pt/protocol';

export interface TicketFields {
  readonly ticker: string;
  readonly side: OrderSide;
  readonly price: string;
  readonly count: string;
  readonly timeInForce: TimeInForce;
  /** Empty = the agent's risk setting. */
  readonly maxSlippage: string;
  readonly isReduceOnly: boolean;
}

export const EMPTY_TICKET: TicketFields = {
  ticker: '',
  side: 'bid',
  price: '',
  count: '1',
  timeInForce: 'good_till_canceled',
  maxSlippage: '',
  isReduceOnly: false,
};

export type TicketParse =
  | { readonly ok: true; readonly request: PlaceOrderRequest }
  | { readonly ok: false; readonly field: keyof TicketFields; readonly message: string };

function fixed<T>(parse: () => T): T | Error {
  try {
    return parse();
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

export function parseTicket(fields: TicketFields, clientOrderId: string): TicketParse {
  const price = fixed(() => parsePriceDollars(fields.price.trim(), 'price'));
  if (price instanceof Error)
    return { ok: false, field: 'price', message: 'Limit price: a dollar price 0–1, e.g. 0.05' };
  const count = fixed(() => parseCountFp(fields.count.trim(), 'count'));
  if (count instanceof Error)
    return { ok: false, field: 'count', message: 'Contracts: a number, e.g. 1 or 2.5' };
  const slippageText = fields.maxSlippage.trim();
  const slippage =
    slippageText === '' ? undefined : fixed(() => parsePriceDollars(slippageText, 'maxSlippage'));
  if (slippage instanceof Error) {
    return { ok: false, field: 'maxSlippage', message: 'Max slippage: a dollar amount under 1, e.g. 0.10' };
  }
  const parsed = PlaceOrderRequest.safeParse({
    ticker: fields.ticker.trim().toUpperCase(),
    side: fields.side,
    priceE4: price,
    countE2: count,
    timeInForce: fields.timeInForce,
    clientOrderId,
    ...(slippage === undefined ? {} : { maxSlippageE4: slippage }),
    ...(fields.isReduceOnly ? { reduceOnly: true } : {}),
  });
  if (parsed.success) return { ok: true, request: parsed.data };
  const issue = parsed.error.issues[0];
  const path = String(issue?.path[0] ?? 'ticker');
  const field: keyof TicketFields =
    path === 'priceE4'
      ? 'price'
      : path === 'countE2'
        ? 'count'
        : path === 'maxSlippageE4'
          ? 'maxSlippage'
          : 'ticker';
  return { ok: false, field, message: `${field}: ${issue?.message ?? 'invalid'}` };
}
