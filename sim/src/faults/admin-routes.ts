import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { keyAdminRoutes } from '../auth/index.js';
import { syncTradingPause } from '../exchange/index.js';
import type { SimContext } from '../server/context.js';

const match = {
  method: z.string().toUpperCase().optional(),
  path_prefix: z.string().startsWith('/').optional(),
};
const restFaultBody = z.object({
  kind: z.enum(['http_5xx', 'too_many_requests', 'lost_response', 'empty_success']),
  count: z.number().int().min(1).max(1_000_000).default(1),
  status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).default(500),
  hold_ms: z.number().int().min(0).max(600_000).default(30_000),
  ...match,
});
const driftBody = z.object({
  field: z.string().min(1),
  rename_to: z.string().min(1).optional(),
  count: z.number().int().min(1).optional(),
  ...match,
});
const stallBody = z.object({ is_stalled: z.boolean() });
const pauseBody = z.object({ is_paused: z.boolean() });
const clockBody = z.object({ shift_ms: z.number().int() });
const settleBody = z.object({ ticker: z.string().min(1), result: z.enum(['yes', 'no']) });
const tickerBody = z.object({ ticker: z.string().min(1) });

async function body<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S> | Response> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    raw = {};
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return c.json(
    {
      error: {
        code: 'bad_request',
        message: 'bad request',
        details: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
      },
    },
    400,
  );
}

/**
 * Loopback admin API for fault injection, mounted at `/_sim` (never under `/trade-api`). Every
 * switch answers the new fault state so a test can assert it took effect.
 */
export function adminRoutes(ctx: SimContext): Hono {
  const app = new Hono();
  app.route('/', keyAdminRoutes({ keys: ctx.keys, exchange: ctx.exchange }));
  app.get('/faults', (c) => c.json(ctx.faults.snapshot()));
  app.delete('/faults', (c) => {
    ctx.faults.clear();
    return c.json(ctx.faults.snapshot());
  });
  app.post('/faults/rest', async (c) => {
    const b = await body(c, restFaultBody);
    if (b instanceof Response) return b;
    ctx.faults.addRest({
      kind: b.kind,
      remaining: b.count,
      status: b.status,
      holdMs: b.hold_ms,
      method: b.method,
      pathPrefix: b.path_prefix,
    });
    return c.json(ctx.faults.snapshot());
  });
  app.post('/faults/drift', async (c) => {
    const b = await body(c, driftBody);
    if (b instanceof Response) return b;
    ctx.faults.drift.push({
      field: b.field,
      renameTo: b.rename_to,
      remaining: b.count ?? Infinity,
      method: b.method,
      pathPrefix: b.path_prefix,
    });
    return c.json(ctx.faults.snapshot());
  });
  app.post('/faults/ws/drop', (c) => {
    ctx.faults.dropWsConnections();
    return c.json(ctx.faults.snapshot());
  });
  app.post('/faults/ws/seq-gap', (c) => {
    ctx.faults.armSeqGap();
    return c.json(ctx.faults.snapshot());
  });
  app.post('/faults/ws/stall', async (c) => {
    const b = await body(c, stallBody);
    if (b instanceof Response) return b;
    ctx.faults.isWsStalled = b.is_stalled;
    return c.json(ctx.faults.snapshot());
  });
  app.post('/faults/pause', async (c) => {
    const b = await body(c, pauseBody);
    if (b instanceof Response) return b;
    ctx.schedule.setManualPause(b.is_paused);
    return c.json({ is_trading_paused: syncTradingPause(ctx) });
  });
  app.post('/faults/clock', async (c) => {
    const b = await body(c, clockBody);
    if (b instanceof Response) return b;
    ctx.clock.shiftMs(b.shift_ms);
    ctx.exchange.processTimers();
    return c.json({ now_ms: ctx.clock.nowMs() });
  });
  app.post('/faults/settle', async (c) => {
    const b = await body(c, settleBody);
    if (b instanceof Response) return b;
    // Walk the real lifecycle: close → determine → settle (each step emits its lifecycle event).
    const view = ctx.exchange.getMarket(b.ticker);
    if (!view) return c.json({ error: { code: 'not_found', message: 'market not found' } }, 404);
    const determined = ctx.exchange.determineMarket(b.ticker, b.result);
    if (!determined.ok) return c.json({ error: determined.error }, 409);
    const settled = ctx.exchange.settleMarket(b.ticker);
    if (!settled.ok) return c.json({ error: settled.error }, 409);
    return c.json({
      ticker: b.ticker,
      status: ctx.exchange.getMarket(b.ticker)?.status,
      settlements: settled.settlements.length,
    });
  });
  app.post('/faults/dispute', async (c) => {
    const b = await body(c, tickerBody);
    if (b instanceof Response) return b;
    const view = ctx.exchange.getMarket(b.ticker);
    if (!view) return c.json({ error: { code: 'not_found', message: 'market not found' } }, 404);
    if (view.status === 'active' || view.status === 'inactive') ctx.exchange.closeMarket(b.ticker);
    if (ctx.exchange.getMarket(b.ticker)?.status === 'closed') ctx.exchange.determineMarket(b.ticker, 'no');
    const disputed = ctx.exchange.disputeMarket(b.ticker);
    if (!disputed.ok) return c.json({ error: disputed.error }, 409);
    return c.json({ ticker: b.ticker, status: ctx.exchange.getMarket(b.ticker)?.status });
  });
  return app;
}
