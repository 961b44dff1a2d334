/**
 * The command center in real Chromium against the REAL agent process and the REAL simulator: pair
 * through the page with the link the agent printed, see the SIM banner and the trading state go
 * ACTIVE over the stream, place a resting order from the ticket, see it listed, cancel it, see
 * the activity entries, get a fat-finger denial with its rule, and no console errors throughout;
 * three tabs share ONE stream connection and stay in sync; the app is installable and its service
 * worker serves the shell offline, saying the agent is unreachable; Flatten All reports and halts.
 * Screenshots go to test-artifacts/web-e2e/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SimAgent } from '../e2e/helpers.js';
import { pairCli, runCli, startSimAgent, waitFor } from '../e2e/helpers.js';
import { buildWeb, launchBrowser } from './browser.js';
import { buyAtBestAsk, pairingLinkIn } from './command-center.js';
import type { BrowserSession } from './browser.js';

let running: SimAgent | undefined;
let isAgentStopped = false;
let browser: BrowserSession | undefined;

beforeAll(async () => {
  buildWeb();
  running = await startSimAgent();
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (!isAgentStopped) await running?.stop();
}, 30_000);

function agent(): SimAgent {
  if (running === undefined) throw new Error('agent not started');
  return running;
}
function chrome(): BrowserSession {
  if (browser === undefined) throw new Error('browser not started');
  return browser;
}

/** The pairing link the agent printed on its terminal (stderr) at start-up. */
async function printedPairLink(): Promise<string> {
  let link: string | undefined;
  await waitFor(() => {
    link = pairingLinkIn(agent().agent.stderr());
    return link !== undefined;
  }, 'the pairing notice on the agent stderr');
  return link as string;
}

async function openMarket(): Promise<string> {
  const sim = agent().sim;
  if (sim === undefined) throw new Error('no simulator');
  const res = await fetch(`${sim.rest}/markets?status=open&limit=200`);
  const { markets } = (await res.json()) as { markets: { ticker: string }[] };
  const market = markets.find((m) => m.ticker.startsWith('KXHIGHNY'));
  if (market === undefined) throw new Error('the sim serves no open KXHIGHNY market');
  return market.ticker;
}

/** Stream sockets the agent has authenticated so far (its log on stderr). */
function streamConnections(): number {
  return agent().agent.stderr().split('stream socket authenticated').length - 1;
}

function firstPage(): Page {
  const page = chrome()
    .context.pages()
    .find((p) => p.url().startsWith(agent().origin));
  if (page === undefined) throw new Error('no app page');
  return page;
}

async function fillTicket(
  page: Page,
  fields: { ticker: string; price: string; slippage: string },
): Promise<void> {
  await page.getByLabel('Market ticker').fill(fields.ticker);
  await page.getByLabel('Side').selectOption('bid');
  await page.getByLabel('Limit price ($)').fill(fields.price);
  await page.getByLabel('Contracts', { exact: true }).fill('1');
  await page.getByLabel('Max slippage from mid ($, fat-finger guard)').fill(fields.slippage);
  await page.getByRole('button', { name: 'Review order' }).click();
  await page.getByRole('button', { name: 'Place order' }).click();
}

describe('command center in Chromium on the real agent and simulator', () => {
  it('pairs through the page, places, lists and cancels an order, and shows the activity', async () => {
    const link = await printedPairLink();
    expect(link.startsWith(`${agent().origin}/pair#`)).toBe(true);
    const page = await chrome().context.newPage();
    await page.goto(link);
    const code = link.slice(link.indexOf('#') + 1);
    await expect.poll(() => page.getByLabel('Pairing code').inputValue()).toBe(code);
    await chrome().screenshot(page, '01-pairing');
    await page.getByRole('button', { name: 'Pair' }).click();

    await page.getByTestId('environment').filter({ hasText: 'SIM' }).waitFor({ timeout: 20_000 });
    expect(new URL(page.url()).hash).toBe('');
    // The agent opens its trading gate after reconciling; the banner follows over the stream.
    await page.getByTestId('trading-mode').filter({ hasText: 'Trading ACTIVE' }).waitFor({ timeout: 30_000 });
    await page.getByTestId('connection').filter({ hasText: 'Agent connected' }).waitFor();
    await chrome().screenshot(page, '02-connected');

    const ticker = await openMarket();
    // Typing the market into the ticket follows its book over the stream (snapshot, then deltas).
    await page.getByLabel('Market ticker').fill(ticker);
    const ladder = page.getByTestId('book-ladder');
    await ladder.filter({ hasText: `Book ${ticker}` }).waitFor({ timeout: 20_000 });
    // The ladder's title appears with the snapshot; its priced levels may follow a frame later.
    await ladder.locator('td.bid, td.ask').filter({ hasText: '$' }).first().waitFor({ timeout: 20_000 });
    expect(await ladder.locator('td.bid, td.ask').filter({ hasText: '$' }).count()).toBeGreaterThan(0);
    await fillTicket(page, { ticker, price: '0.01', slippage: '0.9999' });
    await page
      .getByTestId('ticket-outcome')
      .filter({ hasText: 'Order resting' })
      .waitFor({ timeout: 20_000 });
    const row = page.getByTestId('orders-table').locator('tbody tr', { hasText: ticker }).first();
    await expect.poll(() => row.getAttribute('data-status')).toBe('resting');
    expect(await row.textContent()).toContain('$0.0100');
    await chrome().screenshot(page, '03-order-resting');

    await row.getByRole('button', { name: /^Cancel order on/ }).click();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 20_000 }).toBe('canceled');

    // The feed shows the order's life on this market (live over the stream, no reload).
    const entries = page.getByTestId('activity-list').locator('li[data-kind="order"]', { hasText: ticker });
    await expect.poll(() => entries.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    await chrome().screenshot(page, '04-canceled-activity');
    expect(chrome().problems).toEqual([]);
  }, 120_000);

  it('shows a fat-fingered order’s denial with its rule and detail', async () => {
    const page = firstPage();
    const ticker = await openMarket();
    await fillTicket(page, { ticker, price: '0.99', slippage: '0.01' });
    const outcome = page.getByTestId('ticket-outcome');
    await outcome.filter({ hasText: 'Denied by FAT_FINGER' }).waitFor({ timeout: 20_000 });
    expect(await outcome.getAttribute('role')).toBe('alert');
    await chrome().screenshot(page, '05-denied');
    // The browser itself logs the refused request (HTTP 422); nothing else may have gone wrong.
    expect(chrome().problems.filter((p) => !/status of 422/.test(p))).toEqual([]);
  }, 60_000);

  it('three tabs share one agent connection and stay in sync', async () => {
    const first = firstPage();
    const before = streamConnections();
    expect(before).toBeGreaterThanOrEqual(1);
    const others = [await chrome().context.newPage(), await chrome().context.newPage()];
    for (const page of others) {
      await page.goto(`${agent().origin}/`);
      await page.getByTestId('environment').filter({ hasText: 'SIM' }).waitFor({ timeout: 20_000 });
      await page.getByTestId('connection').filter({ hasText: 'Agent connected' }).waitFor();
    }
    const [second, third] = others as [Page, Page];
    // Placed from the third tab, seen live in the first.
    const ticker = await openMarket();
    await fillTicket(third, { ticker, price: '0.02', slippage: '0.9999' });
    await third
      .getByTestId('ticket-outcome')
      .filter({ hasText: 'Order resting' })
      .waitFor({ timeout: 20_000 });
    const rowInFirst = first
      .getByTestId('orders-table')
      .locator('tbody tr[data-status="resting"]', { hasText: '$0.0200' });
    await rowInFirst.waitFor({ timeout: 20_000 });
    // Cancel all from the second tab; every tab sees it canceled.
    await second.getByRole('button', { name: 'Cancel all' }).click();
    await second.getByRole('button', { name: /^Confirm: cancel 1 working order$/ }).click();
    for (const page of [first, second, third]) {
      const row = page.getByTestId('orders-table').locator('tbody tr', { hasText: '$0.0200' });
      await expect.poll(() => row.getAttribute('data-status'), { timeout: 20_000 }).toBe('canceled');
    }
    await chrome().screenshot(third, '06-third-tab');
    expect(streamConnections()).toBe(before);
    expect(chrome().problems.filter((p) => !/status of 422/.test(p))).toEqual([]);
    await Promise.all(others.map((page) => page.close()));
  }, 90_000);

  it('is installable, with a service worker controlling the page', async () => {
    const page = firstPage();
    // The page is a browser context: evaluated as source text (this package has no DOM types).
    expect(await page.evaluate('navigator.serviceWorker.ready.then(() => true)')).toBe(true);
    await page.reload();
    await page.getByTestId('connection').filter({ hasText: 'Agent connected' }).waitFor({ timeout: 20_000 });
    expect(await page.evaluate('navigator.serviceWorker.controller?.scriptURL ?? null')).toBe(
      `${agent().origin}/sw.js`,
    );
    const cdp = await chrome().context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: unknown[];
    };
    expect(installabilityErrors).toEqual([]);
    const manifest = (await (await fetch(`${agent().origin}/manifest.webmanifest`)).json()) as {
      display: string;
      icons: { purpose?: string }[];
    };
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
  }, 60_000);

  it('a filled order shows as a position; Flatten All closes it, reports it and halts; the trading controls resume', async () => {
    const page = firstPage();
    // Take a position first: buy 1 YES at the best ask the ladder shows (immediate or cancel).
    const ticker = await openMarket();
    await buyAtBestAsk(page, ticker);
    const position = page.getByTestId('positions-table').locator('tbody tr', { hasText: ticker });
    await expect.poll(() => position.textContent(), { timeout: 20_000 }).toContain('1.00 YES');
    await chrome().screenshot(page, '07a-position');

    await page.getByRole('button', { name: 'Flatten All' }).click();
    await page.getByRole('button', { name: 'Yes, flatten all' }).click();
    const report = page.getByTestId('flatten-report');
    await report.filter({ hasText: 'Flatten All finished' }).waitFor({ timeout: 60_000 });
    expect(await report.textContent()).toContain(`${ticker}: flattened (1.00 → 0.00)`);
    await expect
      .poll(() => page.getByTestId('portfolio').textContent(), { timeout: 20_000 })
      .toContain('No open positions.');
    await page.getByTestId('trading-mode').filter({ hasText: 'Trading HALTED' }).waitFor({ timeout: 20_000 });
    await chrome().screenshot(page, '07-flattened');
    // Only a human clears the halt: the trading controls, with a reason and a confirmation.
    await page.getByLabel('Switch to').selectOption('active');
    await page.getByLabel('Reason').fill('flat after the e2e flatten; resuming');
    await page.getByRole('button', { name: 'Switch trading' }).click();
    await page.getByRole('button', { name: 'Confirm switch' }).click();
    await page.getByTestId('trading-mode').filter({ hasText: 'Trading ACTIVE' }).waitFor({ timeout: 20_000 });
    // The agent's answer carries who switched and why.
    await page
      .getByRole('region', { name: 'Trading controls' })
      .getByText('ACTIVE (user: flat after the e2e flatten; resuming)')
      .waitFor({ timeout: 20_000 });
    expect(chrome().problems.filter((p) => !/status of 422/.test(p))).toEqual([]);
  }, 90_000);

  it('a revoked browser goes back to pairing at once, and pairs again with a typed code', async () => {
    const page = firstPage();
    const listed = await runCli(['devices', '--data-dir', agent().dataDir]);
    const deviceId = /^(dev_[A-Za-z0-9_-]+)\s/m.exec(listed.stdout)?.[1];
    if (deviceId === undefined) throw new Error(`no device listed: ${listed.stdout}${listed.stderr}`);
    const revoked = await runCli(['devices', 'revoke', deviceId, '--data-dir', agent().dataDir]);
    expect(revoked.code, revoked.stderr).toBe(0);
    await page.getByRole('heading', { name: 'Pair this browser' }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('status').textContent()).toContain('unpaired');
    await chrome().screenshot(page, '08-revoked');
    const { code } = await pairCli(agent().dataDir);
    await page.getByLabel('Pairing code').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Pair' }).click();
    await page.getByTestId('connection').filter({ hasText: 'Agent connected' }).waitFor({ timeout: 20_000 });
    expect(chrome().problems.filter((p) => !/status of (401|422)/.test(p))).toEqual([]);
  }, 60_000);

  it('agent gone: the page says so at once, and a reload is served offline by the service worker', async () => {
    const page = firstPage();
    await agent().stop();
    isAgentStopped = true;
    await page
      .getByTestId('connection')
      .filter({ hasText: 'agent disconnected' })
      .waitFor({ timeout: 20_000 });
    await page.reload();
    await page.getByTestId('environment').waitFor({ timeout: 20_000 });
    await page
      .getByTestId('connection')
      .filter({ hasText: 'agent disconnected' })
      .waitFor({ timeout: 20_000 });
    expect(await page.getByRole('alert').filter({ hasText: 'not live' }).count()).toBe(1);
    await chrome().screenshot(page, '09-offline');
  }, 60_000);
});
