/**
 * Steps a user takes in the command center, as reusable page actions on real Chromium (vitest-free:
 * the fresh-machine test, the browser e2e tests and `scripts/screenshot.ts` share them). Each step
 * waits for what the user would see and throws a plain error naming what never appeared.
 */
import type { Page } from 'playwright-core';

/** The link the agent prints on its terminal (stderr) at start-up; group 1 is the URL. */
export const PAIR_LINK = /open (http:\/\/127\.0\.0\.1:\d+\/pair#[0-9A-Z]{4}-[0-9A-Z]{4})\n/;

export function pairingLinkIn(text: string): string | undefined {
  return PAIR_LINK.exec(text)?.[1];
}

/** Re-reads `read` until `accept` holds; returns the accepted value. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await read();
  }
  return last;
}

/** Opens the printed link, pairs, and waits for the SIM banner and the trading gate to open. */
export async function pairWithLink(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await page.getByRole('button', { name: 'Pair' }).click();
  await page.getByTestId('environment').filter({ hasText: 'SIM' }).waitFor({ timeout: 20_000 });
  // The agent opens its trading gate after reconciling; the banner follows over the stream.
  await page.getByTestId('trading-mode').filter({ hasText: 'Trading ACTIVE' }).waitFor({ timeout: 30_000 });
  await page.getByTestId('connection').filter({ hasText: 'Agent connected' }).waitFor({ timeout: 20_000 });
}

/** Searches the markets list for `search`, opens the first row, waits for its ladder; its ticker. */
export async function openListedMarket(page: Page, search: string): Promise<string> {
  const rows = page.getByTestId('markets-table').locator('tbody tr');
  await page.getByLabel('Search markets').fill(search);
  await pollUntil(
    () => rows.count(),
    (n) => n > 0,
    `a listed market matching ${search}`,
  );
  const row = rows.first();
  const ticker = (await row.getAttribute('data-ticker')) ?? '';
  await row.getByRole('button', { name: `Open ${ticker}` }).click();
  await page
    .getByTestId('market-ladder')
    .filter({ hasText: `Book ${ticker}` })
    .waitFor({ timeout: 20_000 });
  return ticker;
}

/** The open market's chart gains points as the venue's book changes: the count before and after. */
export async function waitForChartToMove(
  page: Page,
  timeoutMs = 60_000,
): Promise<{ before: number; after: number }> {
  const chart = page.getByTestId('price-chart');
  const points = async (): Promise<number> => Number((await chart.getAttribute('data-points')) ?? 'NaN');
  const before = await pollUntil(points, (n) => Number.isFinite(n), 'the price chart');
  const after = await pollUntil(points, (n) => n > before, 'a new chart point', timeoutMs);
  return { before, after };
}

/**
 * Buys 1 YES of `ticker` from the ticket, immediate-or-cancel, limit at the best ask the ticket's
 * ladder shows (so it crosses the book), and waits for the ticket to say it filled; the price paid.
 */
export async function buyAtBestAsk(page: Page, ticker: string): Promise<string> {
  await page.getByLabel('Market ticker').fill(ticker);
  const bestAsk = page.getByTestId('book-ladder').locator('tbody tr').first().locator('td.ask');
  const askText = await pollUntil(
    async () => (await bestAsk.textContent()) ?? '',
    (text) => /^\$0\.\d{4}$/.test(text),
    `a best ask on the ${ticker} ladder`,
  );
  await page.getByLabel('Limit price ($)').fill(askText.slice(1));
  await page.getByLabel('Contracts', { exact: true }).fill('1');
  await page.getByLabel('Time in force').selectOption('immediate_or_cancel');
  await page.getByLabel('Max slippage from mid ($, fat-finger guard)').fill('0.9999');
  await page.getByRole('button', { name: 'Review order' }).click();
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.getByTestId('ticket-outcome').filter({ hasText: 'Order filled' }).waitFor({ timeout: 20_000 });
  return askText;
}
