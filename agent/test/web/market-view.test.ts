/**
 * The markets list, the market view and the risk limits in real Chromium against the REAL agent
 * and the REAL simulator: pair with the printed link, find a market by searching the list the
 * agent serves, open it, and watch its step chart and book ladder move as the simulator replays
 * the recorded data (the list then calls the book live); the sentiment line says the agent has no
 * vibe; a risk limit changed on the page is persisted by the agent (it survives a reload) and a
 * bad one is shown on its field; a demo key is imported from a PEM file and going live is refused
 * without a live key even with the acknowledgement. Screenshots go to test-artifacts/web-e2e/.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { LIVE_ACK_PHRASE } from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS } from './browser.js';
import { pairNewPage, useWebStack } from './web-stack.js';

let page: Page | undefined;

const stack = useWebStack();
const { chrome } = stack;
function app(): Page {
  if (page === undefined) throw new Error('not paired');
  return page;
}

/** Every console error, page error and failed request (none expected: no 503 for sentiment without vibe). */
function problems(): string[] {
  return chrome().problems;
}

describe('markets, market view and risk limits in Chromium on the real agent and simulator', () => {
  it('pairs, lists the venue’s markets and finds one by search', async () => {
    page = await pairNewPage(stack);

    const rows = app().getByTestId('markets-table').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(10);
    await app().getByLabel('Search markets').fill('KXNBAGAME');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const tickers: string[] = [];
    for (const tr of await rows.all()) tickers.push((await tr.getAttribute('data-ticker')) ?? '');
    expect(tickers.every((t) => t.startsWith('KXNBAGAME'))).toBe(true);
    expect(await rows.first().textContent()).toContain('KXNBAGAME');
    await chrome().screenshot(app(), '20-markets-search');
    expect(problems()).toEqual([]);
  }, 120_000);

  it('opens a market: the step chart and the ladder move as the replay runs', async () => {
    const row = app().getByTestId('markets-table').locator('tbody tr').first();
    const ticker = (await row.getAttribute('data-ticker')) ?? '';
    await row.getByRole('button', { name: `Open ${ticker}` }).click();
    const view = app().getByTestId('market-view');
    await view.getByRole('heading', { name: new RegExp(`Market ${ticker}`) }).waitFor();
    // The ticket follows the opened market.
    expect(await app().getByLabel('Market ticker').inputValue()).toBe(ticker);
    const ladder = app().getByTestId('market-ladder');
    await ladder.filter({ hasText: `Book ${ticker}` }).waitFor({ timeout: 20_000 });
    const chart = app().getByTestId('price-chart');
    await expect.poll(() => chart.getAttribute('data-points'), { timeout: 20_000 }).not.toBeNull();
    const firstPoints = Number(await chart.getAttribute('data-points'));
    const firstCaption = await ladder.locator('figcaption').textContent();
    await chrome().screenshot(app(), '21-market-view');
    // The simulator keeps replaying the recorded quotes: new books, new chart points, a new ladder time.
    await expect
      .poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 60_000, interval: 500 })
      .toBeGreaterThan(firstPoints);
    await expect
      .poll(() => ladder.locator('figcaption').textContent(), { timeout: 30_000 })
      .not.toBe(firstCaption);
    expect(await chart.locator('canvas').count()).toBeGreaterThan(0);
    // The agent now follows this book: the list calls it live on its next read.
    const listed = app().locator(`[data-testid="markets-table"] tr[data-ticker="${ticker}"]`);
    await expect.poll(() => listed.getAttribute('data-liveness'), { timeout: 30_000 }).toBe('live');
    // KXNBAGAME maps to the `nba` topic; this agent runs without vibe and says so.
    expect(await app().getByTestId('market-sentiment').textContent()).toContain('not configured');
    await chrome().screenshot(app(), '22-market-view-moved');
    expect(problems()).toEqual([]);
  }, 150_000);

  it('saves a risk limit the agent keeps (after a reload) and shows a bad one on its field', async () => {
    const openOrders = app().getByLabel('Most resting orders');
    await openOrders.fill('42');
    await app().getByRole('button', { name: 'Save limits' }).click();
    await app().getByTestId('risk-saved').waitFor({ timeout: 10_000 });
    await app().reload();
    await app().getByTestId('trading-mode').filter({ hasText: 'Trading' }).waitFor({ timeout: 30_000 });
    await expect
      .poll(() => app().getByLabel('Most resting orders').inputValue(), { timeout: 10_000 })
      .toBe('42');

    await app().getByLabel('Daily loss limit ($)').fill('0');
    await app().getByRole('button', { name: 'Save limits' }).click();
    const error = app().locator('#risk-dailyLossLimitE6-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Daily loss limit');
    expect(await app().getByLabel('Daily loss limit ($)').getAttribute('aria-invalid')).toBe('true');
    await app()
      .locator('.area-risk')
      .screenshot({ path: join(ARTIFACTS, '23-risk-limits.png') });
    expect(problems()).toEqual([]);
  }, 90_000);

  it('imports a demo key from a PEM file, and refuses to go live without a live key', async () => {
    const setup = app().locator('.area-setup');
    if ((await setup.locator('details').getAttribute('open')) === null)
      await setup.locator('summary').click();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const keyId = randomUUID();
    expect(await app().getByLabel('Key for').inputValue()).toBe('demo');
    await app().getByLabel('Key id').fill(keyId);
    await app()
      .getByLabel('Private key file (.pem)')
      .setInputFiles({
        name: 'kalshi-demo.pem',
        mimeType: 'application/x-pem-file',
        buffer: Buffer.from(pem),
      });
    await setup.getByText(/Read kalshi-demo\.pem/).waitFor();
    await app().getByRole('button', { name: 'Store key in the agent' }).click();
    await app()
      .getByTestId('key-outcome')
      .filter({ hasText: `Stored demo key ${keyId}` })
      .waitFor({ timeout: 15_000 });
    await expect
      .poll(() => app().getByTestId('stored-keys').textContent(), { timeout: 30_000 })
      .toMatch(new RegExp(`demo: key ${keyId} · SHA256:[A-Za-z0-9+/]{43} · 2048 bits`));

    const live = app().getByRole('button', { name: 'Switch to LIVE' });
    expect(await live.isDisabled()).toBe(true);
    await app()
      .getByLabel(/I accept this liability/)
      .check();
    await app().getByLabel(/^Type/).fill(LIVE_ACK_PHRASE);
    expect(await live.isDisabled()).toBe(false);
    await live.click();
    // No live key: the agent refuses and stays on the simulator.
    await app().getByTestId('switch-outcome').waitFor({ timeout: 15_000 });
    expect(await app().getByTestId('switch-outcome').getAttribute('class')).toBe('error');
    expect(await app().getByTestId('current-environment').textContent()).toBe('SIM');
    await setup.screenshot({ path: join(ARTIFACTS, '24-setup-key-and-mode.png') });
    expect(problems().filter((p) => !/status of 4\d\d/.test(p))).toEqual([]);
  }, 60_000);
});
