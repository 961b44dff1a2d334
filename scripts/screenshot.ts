/**
 * @module
 * `node --import tsx scripts/screenshot.ts [OUT]`: re-makes docs/screenshot.png. Builds the PWA,
 * runs `npm start` on a throwaway data dir (simulator replaying the recorded Kalshi data, vibe, the
 * agent), pairs headless Chromium with the printed link, opens a market from the list, waits for
 * its chart to move, buys 1 contract crossing the book, and captures the command center with the
 * fill. Same page steps as the fresh-machine test (agent/test/web/command-center.ts).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInShell } from '../agent/test/fresh-machine/shell-run.js';
import { buildWeb, launchBrowser } from '../agent/test/web/browser.js';
import {
  buyAtBestAsk,
  openListedMarket,
  PAIR_LINK,
  pairWithLink,
  waitForChartToMove,
} from '../agent/test/web/command-center.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = resolve(process.argv[2] ?? join(root, 'docs', 'screenshot.png'));
const MARKET_SEARCH = process.env['PT_SCREENSHOT_MARKET'] ?? 'KXNBAGAME';
/** How long the chart keeps drawing after its first move, so the picture shows a line, not a dot. */
const CHART_MS = 40_000;

buildWeb();
const scratch = mkdtempSync(join(tmpdir(), 'pt-screenshot-'));
const stack = runInShell(`npm start -- --data-dir '${join(scratch, 'data')}' --port 0`, {
  cwd: root,
  env: { ...process.env, NODE_ENV: 'production' },
});
const browser = await launchBrowser({ artifacts: scratch });
try {
  const [, link = ''] = await stack.waitForOutput(PAIR_LINK, 'the pairing link', 120_000);
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 1000 });
  await pairWithLink(page, link);
  const ticker = await openListedMarket(page, MARKET_SEARCH);
  await waitForChartToMove(page);
  await buyAtBestAsk(page, ticker);
  await page
    .getByTestId('positions-table')
    .locator('tbody tr', { hasText: ticker })
    .waitFor({ timeout: 20_000 });
  // The picture: banner, markets, market view, ticket, orders and positions (setup folded away).
  const setup = page.locator('.area-setup details');
  if ((await setup.getAttribute('open')) !== null) await page.locator('.area-setup summary').click();
  await page.getByLabel('Search markets').fill('');
  await page.evaluate('document.activeElement?.blur()');
  await new Promise((done) => setTimeout(done, CHART_MS));
  await page.evaluate('window.scrollTo(0, 0)');
  const portfolio = await page.locator('.area-portfolio').boundingBox();
  if (portfolio === null) throw new Error('no positions panel on the page');
  const height = Math.ceil(portfolio.y + portfolio.height + 12);
  await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: 0, width: 1440, height } });
  process.stdout.write(`${out}: ${Math.round(statSync(out).size / 1024)} KB (market ${ticker})\n`);
} finally {
  await browser.close();
  const exit = await stack.interrupt(30_000).catch((err: unknown) => {
    stack.kill();
    throw err;
  });
  rmSync(scratch, { recursive: true, force: true });
  if (exit.code !== 0) process.stderr.write(`npm start exited with ${exit.code ?? exit.signal}\n`);
}
