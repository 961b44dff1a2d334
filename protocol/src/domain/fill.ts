import { z } from 'zod';
import { ClientOrderId, FillId, MarketTicker, OrderId, TradeId } from '../ids.js';
import { CountE2Schema, MoneyE6Schema, PriceE4Schema, SignedCountE2Schema } from '../money-schemas.js';
import { TimestampMs } from '../timestamp.js';
import { OrderSide } from './order.js';

/** One execution against one of our orders. */
export const Fill = z.object({
  fillId: FillId,
  tradeId: TradeId,
  orderId: OrderId,
  /** Kalshi dropped it from REST fills; joined back from our order when we know it. */
  clientOrderId: ClientOrderId.nullable(),
  ticker: MarketTicker,
  side: OrderSide,
  /** Execution price on the YES leg. */
  priceE4: PriceE4Schema,
  countE2: CountE2Schema.refine((count) => count > 0, { error: 'a fill has a positive count' }),
  feeMoneyE6: MoneyE6Schema,
  isTaker: z.boolean(),
  /** Signed position after this fill when the venue reported it (WS `post_position_fp`). */
  postPositionCountE2: SignedCountE2Schema.nullable(),
  executedAtMs: TimestampMs,
});
export type Fill = z.infer<typeof Fill>;
