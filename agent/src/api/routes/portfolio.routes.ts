/**
 * @module
 * `GET /v1/portfolio` (positions with P&L, totals, today's P&L, equity, flags), and newest-first
 * pages of `/v1/portfolio/fills`, `/v1/portfolio/settlements` and `/v1/portfolio/balance-history`
 * for the current environment. A bad, unknown or repeated query parameter is 422 VALIDATION_FAILED
 * naming it. Protected (behind the bearer middleware).
 */
import { Hono } from 'hono';
import {
  BalanceHistoryQuery,
  PORTFOLIO_BALANCE_HISTORY_PATH,
  PORTFOLIO_FILLS_PATH,
  PORTFOLIO_PATH,
  PORTFOLIO_SETTLEMENTS_PATH,
  PortfolioFillsQuery,
  PortfolioSettlementsQuery,
  validationErrorBody,
} from '@pt/protocol';
import type { z } from 'zod';
import { AgentError } from '../../lib/errors.js';
import type { PortfolioQueries } from '../../portfolio/index.js';
import type { ApiEnv } from '../api-env.js';

type Queries = Pick<PortfolioQueries, 'summary' | 'fills' | 'settlements' | 'balanceHistory'>;

export function portfolioRoutes(queries: Queries): Hono<ApiEnv> {
  return new Hono<ApiEnv>()
    .get(PORTFOLIO_PATH, (c) => {
      rejectParams(c.req.queries(), new Set());
      c.header('Cache-Control', 'no-store');
      return c.json(queries.summary());
    })
    .get(PORTFOLIO_FILLS_PATH, (c) => {
      const query = parseQuery(PortfolioFillsQuery, c.req.queries());
      c.header('Cache-Control', 'no-store');
      return c.json(queries.fills(query));
    })
    .get(PORTFOLIO_SETTLEMENTS_PATH, (c) => {
      const query = parseQuery(PortfolioSettlementsQuery, c.req.queries());
      c.header('Cache-Control', 'no-store');
      return c.json(queries.settlements(query));
    })
    .get(PORTFOLIO_BALANCE_HISTORY_PATH, (c) => {
      const query = parseQuery(BalanceHistoryQuery, c.req.queries());
      c.header('Cache-Control', 'no-store');
      return c.json(queries.balanceHistory(query));
    });
}

function parseQuery<S extends z.ZodObject>(schema: S, queries: Record<string, string[]>): z.output<S> {
  const params = rejectParams(queries, new Set(Object.keys(schema.shape)));
  const parsed = schema.safeParse(params);
  if (!parsed.success) {
    const body = validationErrorBody(parsed.error);
    throw new AgentError(body.code, body.message, {}, body.details);
  }
  return parsed.data;
}

/** One string per known parameter; an unknown or repeated one is VALIDATION_FAILED naming it. */
function rejectParams(queries: Record<string, string[]>, known: ReadonlySet<string>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, values] of Object.entries(queries)) {
    if (!known.has(name)) throw paramError(name, 'unknown query parameter');
    if (values.length > 1) throw paramError(name, 'given more than once');
    params[name] = values[0] ?? '';
  }
  return params;
}

function paramError(name: string, message: string): AgentError {
  const field = name.length > 64 ? `${name.slice(0, 64)}…` : name;
  return new AgentError(
    'VALIDATION_FAILED',
    `${field}: ${message}`,
    {},
    { field, issues: [{ field, message }] },
  );
}
