/**
 * The manual order ticket: fields → review (the exact order, in fixed point) → place. The
 * fat-finger guard's max slippage can be tightened or loosened per order; a denial shows its rule
 * and detail at once.
 */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { priceE4 } from '@pt/protocol';
import type { PlaceOrderRequest } from '@pt/protocol';
import { formatCount, formatPrice } from '../../lib/format.js';
import { BookLadder } from '../book/BookLadder.js';
import { useFollowedBook } from '../book/use-followed-book.js';
import { useMarketsStore } from '../markets/markets.store.js';
import { useOrdersStore } from './orders.store.js';
import { EMPTY_TICKET, parseTicket } from './ticket-form.js';
import type { TicketFields } from './ticket-form.js';
import { TicketOutcomeView } from './TicketOutcomeView.js';
import { PopOutButton } from '../popout/PopOutButton.js';

function newClientOrderId(): string {
  return `web-${crypto.randomUUID()}`;
}

export function OrderTicket() {
  const [fields, setFields] = useState<TicketFields>(EMPTY_TICKET);
  const [problem, setProblem] = useState<string | null>(null);
  const [review, setReview] = useState<PlaceOrderRequest | null>(null);
  const place = useOrdersStore((s) => s.place);
  const isPlacing = useOrdersStore((s) => s.isPlacing);
  const outcome = useOrdersStore((s) => s.ticketOutcome);
  const { book } = useFollowedBook(fields.ticker);
  // A market opened from the markets list becomes the ticket's market.
  const selection = useMarketsStore((s) => s.selection);
  useEffect(() => {
    if (selection === null) return;
    setFields((current) => ({ ...current, ticker: selection.ticker }));
    setReview(null);
  }, [selection]);

  const edit = <K extends keyof TicketFields>(key: K, value: TicketFields[K]): void => {
    setFields({ ...fields, [key]: value });
    setReview(null);
  };

  const onReview = (event: FormEvent): void => {
    event.preventDefault();
    // One client order id per reviewed order: a double click or a retry places it once.
    const parsed = parseTicket(fields, newClientOrderId());
    setProblem(parsed.ok ? null : parsed.message);
    setReview(parsed.ok ? parsed.request : null);
  };

  const onConfirm = async (): Promise<void> => {
    if (review === null) return;
    const result = await place(review);
    if (result.kind === 'placed') setReview(null);
  };

  return (
    <section aria-labelledby="ticket-h" className="area-ticket">
      <PopOutButton panel="ticket" label="Order ticket" />
      <h2 id="ticket-h">Order ticket</h2>
      <form onSubmit={onReview}>
        <label>
          Market ticker
          <input
            value={fields.ticker}
            onChange={(e) => edit('ticker', e.target.value)}
            spellCheck={false}
            required
          />
        </label>
        <label>
          Side
          <select
            value={fields.side}
            onChange={(e) => edit('side', e.target.value === 'ask' ? 'ask' : 'bid')}
          >
            <option value="bid">Buy YES (bid)</option>
            <option value="ask">Sell YES (ask)</option>
          </select>
        </label>
        <label>
          Limit price ($)
          <input
            value={fields.price}
            onChange={(e) => edit('price', e.target.value)}
            inputMode="decimal"
            placeholder="0.05"
            required
          />
        </label>
        <label>
          Contracts
          <input
            value={fields.count}
            onChange={(e) => edit('count', e.target.value)}
            inputMode="decimal"
            required
          />
        </label>
        <label>
          Time in force
          <select
            value={fields.timeInForce}
            onChange={(e) =>
              edit(
                'timeInForce',
                e.target.value === 'immediate_or_cancel'
                  ? 'immediate_or_cancel'
                  : e.target.value === 'fill_or_kill'
                    ? 'fill_or_kill'
                    : 'good_till_canceled',
              )
            }
          >
            <option value="good_till_canceled">Good till canceled</option>
            <option value="immediate_or_cancel">Immediate or cancel</option>
            <option value="fill_or_kill">Fill or kill</option>
          </select>
        </label>
        <label>
          Max slippage from mid ($, fat-finger guard)
          <input
            value={fields.maxSlippage}
            onChange={(e) => edit('maxSlippage', e.target.value)}
            inputMode="decimal"
            placeholder="risk setting"
            aria-describedby="slippage-hint"
          />
        </label>
        <small id="slippage-hint">
          Empty uses your risk setting; the agent refuses a limit farther than this from the mid.
        </small>
        <label className="inline">
          <input
            type="checkbox"
            checked={fields.isReduceOnly}
            onChange={(e) => edit('isReduceOnly', e.target.checked)}
          />
          Reduce only
        </label>
        <button type="submit">Review order</button>
      </form>
      {book !== null && <BookLadder book={book} />}
      {problem !== null && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {review !== null && (
        <div className="review" role="group" aria-label="Confirm order">
          <p data-testid="order-review">
            {review.side === 'bid' ? 'Buy' : 'Sell'} {formatCount(review.countE2)} YES of{' '}
            <strong>{review.ticker}</strong> at {formatPrice(review.priceE4)}
            {review.maxSlippageE4 !== undefined &&
              ` (max slippage ${formatPrice(priceE4(review.maxSlippageE4))})`}
          </p>
          <button type="button" onClick={() => void onConfirm()} disabled={isPlacing}>
            {isPlacing ? 'Placing…' : 'Place order'}
          </button>
          <button type="button" onClick={() => setReview(null)}>
            Edit
          </button>
        </div>
      )}
      {outcome !== null && <TicketOutcomeView outcome={outcome} />}
    </section>
  );
}
