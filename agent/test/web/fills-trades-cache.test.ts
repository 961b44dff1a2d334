/**
 * Fills, recent trades, chart history and the browser cache in real Chromium against the REAL agent
 * and simulator: an IOC bought at the best ask fills and appears in the Fills panel live (the
 * `fills` stream); the opened market's chart starts with the tape's history and the recent-trades
 * list shows the print; after a reload with the agent's markets answer held back, the markets list
 * paints from IndexedDB marked "cached, not live", and the agent's answer then replaces it.
 * Screenshots go to test-artifacts/web/.
 */
import { join } from 'node:path';
import { OrderResponse } from '@pt/protocol';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callAgent, pairDevice } from '../e2e/helpers.js';
import { ARTIFACTS } from './browser.js';
import { pairNewPage, useWebStack } from './web-stack.js';

const SHOTS = join(ARTIFACTS, '..', 'web');

let page: Page | undefined;
let token = '';

const stack = useWebStack({ artifacts: SHOTS });
const { agent, chrome } = stack;
function app(): Page {
  if (page === undefined) throw new Error('not paired');
  return page;
}

async function simJson<T>(path: string): Promise<T> {
  const sim = agent().sim;
  if (sim === undefined) throw new Error('no simulator');
  return (await (await fetch(`${sim.rest}${path}`)).json()) as T;
}

async function openKxhighnyMarket(): Promise<string> {
  const { markets } = await simJson<{ markets: { ticker: string }[] }>('/markets?status=open&limit=200');
  const market = markets.find((m) => m.ticker.startsWith('KXHIGHNY'));
  if (market === undefined) throw new Error('the sim serves no open KXHIGHNY market');
  return market.ticker;
}

async function bestYesAskE4(ticker: string): Promise<number> {
  const { orderbook_fp: book } = await simJson<{ orderbook_fp: { no_dollars: [string, string][] } }>(
    `/markets/${ticker}/orderbook`,
  );
  const best = book.no_dollars.at(-1);
  if (best === undefined) throw new Error(`${ticker} has no NO bids to lift`);
  return 10_000 - Math.round(Number(best[0]) * 10_000);
}

describe('fills, recent trades, chart history and the cache in Chromium', () => {
  let ticker = '';

  it('pairs, and a filled order shows in the Fills panel live', async () => {
    page = await pairNewPage(stack);
    const fills = app().locator('section[aria-labelledby="fills-h"]');
    await fills.getByText('No fills yet.').waitFor({ timeout: 20_000 });

    ({ token } = await pairDevice(agent(), 'e2e trader'));
    ticker = await openKxhighnyMarket();
    const askE4 = await bestYesAskE4(ticker);
    const placed = await callAgent(agent().origin, token, 'POST', '/v1/orders', {
      ticker,
      side: 'bid',
      priceE4: askE4,
      countE2: 100,
      timeInForce: 'immediate_or_cancel',
      maxSlippageE4: 9_999,
    });
    const text = await placed.text();
    expect(placed.status, text).toBe(201);
    expect(OrderResponse.parse(JSON.parse(text)).order.filledCountE2).toBeGreaterThan(0);

    const row = app().getByTestId('fills-table').locator('tbody tr').first();
    await row.waitFor({ timeout: 20_000 });
    expect(await row.textContent()).toContain(ticker);
    expect(await row.textContent()).toContain('Buy YES');
    await fills.scrollIntoViewIfNeeded();
    await chrome().screenshot(app(), '30-fills-panel');
    expect(chrome().problems).toEqual([]);
  }, 150_000);

  it('opens the market: the chart starts with the tape’s history and recent trades list the print', async () => {
    await app().getByLabel('Search markets').fill(ticker);
    const listed = app().getByTestId('markets-table').locator(`tr[data-ticker="${ticker}"]`);
    await listed.getByRole('button', { name: `Open ${ticker}` }).click();
    const chart = app().getByTestId('price-chart');
    await expect.poll(() => chart.getAttribute('data-history'), { timeout: 20_000 }).not.toBeNull();
    expect(Number(await chart.getAttribute('data-history'))).toBeGreaterThan(0);
    const trades = app().getByTestId('recent-trades');
    await trades.locator('tbody tr').first().waitFor({ timeout: 20_000 });
    expect(await trades.getAttribute('data-cached')).toBe('false');
    expect(await trades.locator('tbody tr').count()).toBeGreaterThan(0);
    await app().getByTestId('market-view').scrollIntoViewIfNeeded();
    await chrome().screenshot(app(), '31-market-history-and-trades');
    expect(chrome().problems).toEqual([]);
  }, 90_000);

  it('after a reload, markets paint from the cache marked cached before the agent answers', async () => {
    // The cache is written on the agent's first listing; give the write a moment to land.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const hold = async (route: Route): Promise<void> => {
      await held;
      await route.continue();
    };
    await app().route('**/v1/markets', hold);
    await app().reload();
    const notice = app().getByTestId('markets-cached');
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.textContent()).toMatch(/^Cached from .+, not live: waiting for the agent$/);
    const rows = app().getByTestId('markets-table').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    await chrome().screenshot(app(), '32-markets-from-cache');
    release();
    await notice.waitFor({ state: 'detached', timeout: 20_000 });
    expect(await rows.count()).toBeGreaterThan(0);
    await app().unroute('**/v1/markets', hold);
    await chrome().screenshot(app(), '33-markets-live-after-cache');
    expect(chrome().problems).toEqual([]);
  }, 90_000);
});
