/**
 * The portfolio wired into the real agent process against the real simulator: a marketable order
 * through `/v1/orders` becomes a position in `GET /v1/portfolio` with its fee, a fill in
 * `/v1/portfolio/fills`, and a balance snapshot in `/v1/portfolio/balance-history`.
 */
import {
  BalanceHistoryPage,
  PortfolioFillsPage,
  PortfolioResponse,
  TradingState,
  parsePriceDollars,
} from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { usePairedSimAgent } from '../e2e/paired-sim-agent.js';

const { agent, call } = usePairedSimAgent();

async function until<T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const SimMarkets = z.object({
  markets: z.array(
    z.object({ ticker: z.string(), yes_ask_dollars: z.string(), yes_bid_dollars: z.string() }),
  ),
});

describe('the portfolio on the real agent', () => {
  it('a filled order shows as a position with its fee, a fill and a balance snapshot', async () => {
    await until(async () => {
      const state = TradingState.parse(await (await call('GET', '/v1/trading-state')).json());
      return state.mode === 'active' ? true : undefined;
    }, 'trading to be active');
    const sim = agent().sim;
    if (sim === undefined) throw new Error('no simulator');
    const listed = SimMarkets.parse(await (await fetch(`${sim.rest}/markets?status=open&limit=200`)).json());
    const market = listed.markets.find(
      (m) =>
        m.ticker.startsWith('KXHIGHNY') && m.yes_ask_dollars !== '0.0000' && m.yes_bid_dollars !== '0.0000',
    );
    if (market === undefined) throw new Error('the sim serves no open two-sided KXHIGHNY market');
    const placed = await call('POST', '/v1/orders', {
      ticker: market.ticker,
      side: 'bid',
      priceE4: parsePriceDollars(market.yes_ask_dollars),
      countE2: 100,
      timeInForce: 'immediate_or_cancel',
      maxSlippageE4: 9_999,
    });
    expect(placed.status).toBe(201);
    const row = await until(async () => {
      const body = PortfolioResponse.parse(await (await call('GET', '/v1/portfolio')).json());
      const found = body.positions.find((p) => p.position.ticker === market.ticker);
      return found !== undefined && found.position.positionCountE2 > 0 ? found : undefined;
    }, 'the position');
    expect(row.position.feesPaidMoneyE6).toBeGreaterThan(0);
    expect(row.position.realizedPnlMoneyE6 + row.position.feesPaidMoneyE6).toBe(0);
    const fills = PortfolioFillsPage.parse(await (await call('GET', '/v1/portfolio/fills')).json());
    expect(fills.fills.map((f) => f.ticker)).toContain(market.ticker);
    const history = await until(async () => {
      const page = BalanceHistoryPage.parse(
        await (await call('GET', '/v1/portfolio/balance-history')).json(),
      );
      return page.snapshots.length > 0 ? page : undefined;
    }, 'a balance snapshot');
    expect(history.snapshots[0]?.availableMoneyE6).toBeGreaterThan(0);
  });
});
