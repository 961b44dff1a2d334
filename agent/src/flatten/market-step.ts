/**
 * Flatten All step 4 for one market, one pass: is the market open and the exchange trading, what
 * does the book hold within the slippage bound, then one reduce-only IOC order through the
 * execution road (origin `flatten`, planned from the venue position just read). The answer says
 * whether an order went and, if the market must be left, why.
 */
import type { FlattenResidualReason, Order } from '@pt/protocol';
import type { ExecutionService } from '../execution/index.js';
import { warmBook } from '../execution/warm-book.js';
import { planFlatten } from './plan.js';
import { messageOf, type FlattenVenue } from './venue-reads.js';

export type MarketPassResult =
  /** An order went; `order` is its state after the venue's answer. */
  | { readonly kind: 'sent'; readonly order: Order }
  /** Nothing sent this pass; another pass may do better (no liquidity now). */
  | { readonly kind: 'wait'; readonly reason: FlattenResidualReason; readonly detail: string }
  /** Leave the market for this run (paused, closed, unknown outcome, venue error); `order` if one went. */
  | {
      readonly kind: 'leave';
      readonly reason: FlattenResidualReason;
      readonly detail: string;
      readonly order?: Order;
    };

export interface MarketPassInput {
  readonly ticker: string;
  readonly positionE2: number;
  readonly maxSlippageE4: number;
  /** The exchange trades (null: its status could not be read; the venue's answer will tell). */
  readonly isExchangeTrading: boolean | null;
  /** How long the book may take to stream, at most. */
  readonly bookWaitMs: number;
}

export async function workMarket(
  execution: Pick<ExecutionService, 'place'>,
  venue: FlattenVenue,
  input: MarketPassInput,
): Promise<MarketPassResult> {
  const { ticker, positionE2 } = input;
  if (input.isExchangeTrading === false)
    return { kind: 'leave', reason: 'market_paused', detail: 'Exchange trading is paused' };
  const status = await venue.http
    .getMarket(ticker)
    .then((market) => market.status)
    .catch(() => null);
  if (status !== null && status !== 'active')
    return { kind: 'leave', reason: 'market_closed', detail: `The market is ${status}` };
  await warmBook(venue, ticker, input.bookWaitMs);
  const plan = planFlatten({
    positionE2,
    book: venue.quotableBook(ticker),
    maxSlippageE4: input.maxSlippageE4,
  });
  // 'flat' cannot happen here (a market at 0 is flattened by the read), but it sends nothing either.
  if (plan.kind !== 'order')
    return {
      kind: 'wait',
      reason: 'no_liquidity',
      detail: plan.kind === 'flat' ? 'Nothing to close' : plan.detail,
    };
  try {
    const result = await execution.place(
      { ticker, ...plan.order },
      { kind: 'flatten' },
      { plannedFromPositionE2: positionE2 },
    );
    if (result.kind === 'denied')
      return {
        kind: 'leave',
        reason: 'venue_error',
        detail: `${result.denial.rule}: ${result.denial.detail}`,
      };
    return afterAnswer(result.order);
  } catch (err) {
    return { kind: 'leave', reason: 'venue_error', detail: messageOf(err) };
  }
}

/** The order's state after the create: sent (filled or not), or a reason to leave the market. */
function afterAnswer(order: Order): MarketPassResult {
  const detail = order.statusDetail ?? order.status;
  if (order.status === 'unknown' || order.status === 'submitting')
    return {
      kind: 'leave',
      reason: 'outcome_unknown',
      detail: `Order ${order.clientOrderId}: ${detail}`,
      order,
    };
  if (order.status !== 'rejected') return { kind: 'sent', order };
  if (/trading_paused|trading_is_paused|exchange.*paused/i.test(detail))
    return { kind: 'leave', reason: 'market_paused', detail, order };
  if (/market_not_active|market_closed|closed/i.test(detail))
    return { kind: 'leave', reason: 'market_closed', detail, order };
  return { kind: 'leave', reason: 'venue_error', detail, order };
}
