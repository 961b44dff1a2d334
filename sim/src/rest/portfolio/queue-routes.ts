import { Hono } from 'hono';
import type { AuthEnv } from '../../auth/middleware.js';
import { kalshiError } from '../../lib/errors.js';
import { dollarsE6As4dp, fpE2 } from '../../lib/format.js';
import type { PortfolioContext } from './engine-port.js';
import { EXCHANGE_INDEX } from './mappers.js';

const ONE_DOLLAR_E4 = 10_000;
const E6_PER_CENT = 10_000;

/**
 * Queue positions (contracts ahead at the order's price, 0 = first in line) and the resting-order
 * total (TS OrdersApi / PortfolioApi). Mounted before `/portfolio/orders/:order_id`.
 */
export function queueRoutes(ctx: PortfolioContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.get('/portfolio/orders/queue_positions', (c) => {
    const userId = c.get('userId');
    const tickers = c.req.query('market_tickers');
    const eventTicker = c.req.query('event_ticker');
    const wanted = tickers === undefined ? undefined : new Set(tickers.split(','));
    const queuePositions = ctx.exchange
      .listOrders(userId, { status: 'resting' })
      .filter((o) => wanted === undefined || wanted.has(o.ticker))
      .filter(
        (o) => eventTicker === undefined || ctx.exchange.getMarket(o.ticker)?.eventTicker === eventTicker,
      )
      .map((o) => ({
        order_id: o.orderId,
        market_ticker: o.ticker,
        queue_position_fp: fpE2(ctx.exchange.queuePosition(userId, o.orderId) ?? 0),
      }));
    return c.json({ queue_positions: queuePositions });
  });

  app.get('/portfolio/orders/:order_id/queue_position', (c) => {
    const aheadE2 = ctx.exchange.queuePosition(c.get('userId'), c.req.param('order_id'));
    if (aheadE2 === null) {
      return kalshiError(
        c,
        404,
        'order_not_found',
        'order not found',
        'order_id: no resting order with this id',
      );
    }
    return c.json({ queue_position_fp: fpE2(aheadE2) });
  });

  app.get('/portfolio/summary/total_resting_order_value', (c) => {
    // Cost of what the resting orders could still buy, on each order's own leg, in cents.
    const valueE6 = ctx.exchange.listOrders(c.get('userId'), { status: 'resting' }).reduce((sum, o) => {
      const legPriceE4 = o.side === 'bid' ? o.priceE4 : ONE_DOLLAR_E4 - o.priceE4;
      return sum + legPriceE4 * o.remainingCountE2;
    }, 0);
    const cents = Math.trunc(valueE6 / E6_PER_CENT);
    return c.json({
      total_resting_order_value: cents,
      resting_order_value_breakdown: [{ exchange_index: EXCHANGE_INDEX, balance: dollarsE6As4dp(valueE6) }],
    });
  });

  return app;
}
