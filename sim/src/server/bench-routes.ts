import { Hono } from 'hono';
import { z } from 'zod';
import type { SimContext } from './context.js';

const churnBody = z.object({
  ticker: z.string().min(1),
  /** Place+cancel pairs; each pair is two real book changes (two orderbook_delta frames). */
  pairs: z.number().int().min(1).max(1_000_000),
  /** Pairs per event-loop turn, so sockets drain between batches. */
  batch: z.number().int().min(1).max(100_000).default(500),
});

export const BENCH_USER_ID = 'sim-bench';
const BENCH_BALANCE_E6 = 1_000_000_000_000;

/**
 * Load generator for `npm run bench` (admin, `/_sim/bench`): a dedicated engine user places and
 * cancels 1-contract resting orders through the real engine, so the WS path (engine events → hub
 * → frames → socket) is measured end to end without a client-side bottleneck.
 */
export function benchRoutes(ctx: SimContext): Hono {
  const app = new Hono();
  app.post('/bench/churn', async (c) => {
    const parsed = churnBody.safeParse(await c.req.json().catch(() => ({})));
    if (!parsed.success)
      return c.json({ error: { code: 'bad_request', message: parsed.error.message } }, 400);
    const { ticker, pairs, batch } = parsed.data;
    const view = ctx.exchange.getMarket(ticker);
    if (!view) return c.json({ error: { code: 'not_found', message: 'market not found' } }, 404);
    if (!ctx.exchange.hasAccount(BENCH_USER_ID)) ctx.exchange.deposit(BENCH_USER_ID, BENCH_BALANCE_E6);
    // A YES bid at the lowest grid price never crosses a live book.
    const priceE4 = view.priceRanges[0]?.stepE4 ?? 100;
    let done = 0;
    const step = (): void => {
      const end = Math.min(pairs, done + batch);
      for (; done < end; done += 1) {
        const placed = ctx.exchange.placeOrder(BENCH_USER_ID, {
          ticker,
          side: 'bid',
          priceE4,
          countE2: 100,
          timeInForce: 'good_till_canceled',
          selfTradePrevention: 'maker',
        });
        if (placed.ok) ctx.exchange.cancelOrder(BENCH_USER_ID, placed.order.orderId);
      }
      if (done < pairs) setImmediate(step);
    };
    setImmediate(step);
    return c.json({ started: true, pairs }, 202);
  });
  return app;
}
