/**
 * `/v1/portfolio*` over a real loopback HTTP server: the real app, guard and bearer middleware
 * (a device paired in the real registry), the routes on a PortfolioService bound to the REAL
 * simulator with real fills. Every answer parses with its protocol schema.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BalanceHistoryPage,
  ErrorBody,
  PORTFOLIO_BALANCE_HISTORY_PATH,
  PORTFOLIO_FILLS_PATH,
  PORTFOLIO_PATH,
  PORTFOLIO_SETTLEMENTS_PATH,
  PortfolioFillsPage,
  PortfolioResponse,
  PortfolioSettlementsPage,
} from '@pt/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { createRequestGuard } from '../../src/api/guard/index.js';
import { portfolioRoutes } from '../../src/api/routes/portfolio.routes.js';
import { startServer } from '../../src/api/server.js';
import type { RunningServer } from '../../src/api/server.js';
import { bearerAuth } from '../../src/auth/bearer.middleware.js';
import { DeviceRegistry } from '../../src/auth/device-registry.js';
import { PortfolioQueries } from '../../src/portfolio/index.js';
import { logger, startPortfolioWorld, waitFor, type PortfolioWorld } from './harness.js';

let w: PortfolioWorld;
let server: RunningServer;
let token: string;
let dataDir: string;

beforeAll(async () => {
  w = await startPortfolioWorld(17);
  dataDir = mkdtempSync(join(tmpdir(), 'pt-portfolio-api-'));
  let port = 0;
  const registry = new DeviceRegistry({ dataDir, idleExpiryDays: 30 });
  const app = createApp({
    logger,
    health: () => ({ status: 'ok', version: '0.0.0', protocolVersion: 1, environment: 'sim' }),
    guard: createRequestGuard({ port: () => port, allowedOrigins: [], logger }),
    protectedApi: {
      authenticate: bearerAuth(registry),
      routes: [portfolioRoutes(new PortfolioQueries(() => w.portfolio))],
    },
  });
  server = await startServer(app, 0);
  port = server.port;
  token = registry.pair('Portfolio API test', origin()).token;
  for (const countE2 of [100, 100, 100]) await w.buy(w.ticker, countE2);
  await waitFor(() => (w.portfolio.distinctFills().length >= 3 ? true : undefined));
  await w.portfolio.sync();
}, 90_000);

afterAll(async () => {
  await server.close(100);
  await w.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function origin(): string {
  return `http://127.0.0.1:${server.port}`;
}

function get(path: string, withToken = true): Promise<Response> {
  return fetch(`${origin()}${path}`, {
    headers: { origin: origin(), ...(withToken ? { authorization: `Bearer ${token}` } : {}) },
  });
}

async function ok(path: string): Promise<unknown> {
  const response = await get(path);
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return response.json();
}

describe('portfolio API', () => {
  it('GET /v1/portfolio: the position with its P&L, totals, today and equity', async () => {
    const body = PortfolioResponse.parse(await ok(PORTFOLIO_PATH));
    const row = body.positions.find((p) => p.position.ticker === w.ticker);
    const held = w.portfolio.folds().positions.get(w.ticker);
    expect(row?.position.positionCountE2).toBe(held?.positionE2);
    expect(row?.position.feesPaidMoneyE6).toBeGreaterThan(0);
    expect(row?.position.realizedPnlMoneyE6).toBe(-(held?.feesE6 ?? NaN));
    expect(body.totals.feesPaidMoneyE6).toBe(held?.feesE6);
    expect(body.today.timeZone).toBe('UTC');
    expect(body.today.totalPnlMoneyE6).toBe(body.today.realizedPnlMoneyE6 + body.today.markedPnlMoneyE6);
    expect(body.equity.equityMoneyE6).not.toBeNull();
    expect(body.flags.isVenueConnected).toBe(true);
  });

  it('GET /v1/portfolio/fills walks every fill once, newest first, by cursor', async () => {
    const seen: string[] = [];
    let path = `${PORTFOLIO_FILLS_PATH}?limit=2`;
    for (;;) {
      const page = PortfolioFillsPage.parse(await ok(path));
      seen.push(...page.fills.map((f) => f.fillId));
      const times = page.fills.map((f) => f.executedAtMs);
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      if (page.nextCursor === null) break;
      path = `${PORTFOLIO_FILLS_PATH}?limit=2&cursor=${page.nextCursor}`;
    }
    expect(seen).toHaveLength(w.portfolio.distinctFills().length);
    expect(new Set(seen).size).toBe(seen.length);
    const one = PortfolioFillsPage.parse(await ok(`${PORTFOLIO_FILLS_PATH}?ticker=${w.ticker}&limit=1`));
    expect(one.fills[0]?.ticker).toBe(w.ticker);
  });

  it('GET settlements and balance-history parse; the balance history has the snapshot', async () => {
    const settlements = PortfolioSettlementsPage.parse(await ok(PORTFOLIO_SETTLEMENTS_PATH));
    expect(settlements).toEqual({ settlements: [], nextCursor: null });
    const history = BalanceHistoryPage.parse(await ok(`${PORTFOLIO_BALANCE_HISTORY_PATH}?sinceMs=0`));
    expect(history.snapshots.length).toBeGreaterThan(0);
    const newest = history.snapshots[0];
    const balance = await w.connector.http.getBalance();
    expect(newest?.availableMoneyE6).toBe(balance.balanceE6);
    const none = BalanceHistoryPage.parse(await ok(`${PORTFOLIO_BALANCE_HISTORY_PATH}?untilMs=1`));
    expect(none.snapshots).toEqual([]);
  });

  it('422 naming the parameter for a bad, unknown or repeated one; 401 without a token', async () => {
    for (const [query, field] of [
      [`${PORTFOLIO_FILLS_PATH}?limit=0`, 'limit'],
      [`${PORTFOLIO_FILLS_PATH}?cursor=bm9wZQ`, 'cursor'],
      [`${PORTFOLIO_FILLS_PATH}?ticker=lower-case`, 'ticker'],
      [`${PORTFOLIO_BALANCE_HISTORY_PATH}?sinceMs=yesterday`, 'sinceMs'],
      [`${PORTFOLIO_SETTLEMENTS_PATH}?limit=1&limit=2`, 'limit'],
      [`${PORTFOLIO_PATH}?foo=1`, 'foo'],
    ] as const) {
      const response = await get(query);
      expect(response.status, query).toBe(422);
      const body = ErrorBody.parse(await response.json());
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.message.startsWith(`${field}:`), body.message).toBe(true);
    }
    expect((await get(PORTFOLIO_PATH, false)).status).toBe(401);
  });
});
