/**
 * Three tabs of the command center in Debian Chromium (playwright-core, headless, fresh profile;
 * the second and third in windows of their own, all three visible): the first pairs with a `pt-agent pair` link, then each tab opens a market in the market view and
 * types another into the order ticket, so every tab follows two books through the one shared
 * stream connection. The page probe (page-probe.ts) is injected before the app's scripts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { installProbe } from './page-probe.js';
import { installWorkerProbe } from './worker-probe.js';
import type { ProbeFigures } from './page-probe.js';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Tabs {
  readonly pages: readonly Page[];
  /** Whether the shared stream worker stamps book arrivals (worker-probe.ts). */
  readonly isWorkerProbed: boolean;
  /** Console and page errors seen in any tab. */
  readonly problems: string[];
  reset(): Promise<void>;
  read(): Promise<ProbeFigures[]>;
  close(): Promise<void>;
}

async function follow(page: Page, viewed: string, ticketed: string): Promise<void> {
  await page.getByTestId('connection').filter({ hasText: 'Agent connected' }).waitFor({ timeout: 30_000 });
  // The list shows its first 100 markets; with the churn load any of 540 can be the busiest.
  await page.getByLabel('Search markets').fill(viewed);
  const open = page.getByRole('button', { name: `Open ${viewed}`, exact: true });
  await open.waitFor({ timeout: 30_000 });
  await open.click();
  await page.getByLabel('Market ticker').fill(ticketed);
}

export async function openTabs(origin: string, pairUrl: string, markets: readonly string[]): Promise<Tabs> {
  const profile = mkdtempSync(join(tmpdir(), 'pt-bench-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  const problems: string[] = [];
  context.on('page', (page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
  });
  // tsx (esbuild keepNames) may wrap functions in `__name(…)`, which the page does not have.
  await context.addInitScript({ content: `var __name = (f) => f; (${installProbe.toString()})();` });
  const pages: Page[] = [];
  let isWorkerProbed = false;
  try {
    const first = await context.newPage();
    await first.goto(pairUrl);
    await first.getByRole('button', { name: 'Pair' }).click();
    pages.push(first);
    // Tabs 2 and 3 in windows of their own (the multi-monitor case): headless Chromium hides
    // every tab of a window but the front one (rAF ~1/s), which would measure nothing.
    const cdp = await context.newCDPSession(first);
    for (let i = 1; i < 3; i++) {
      const opened = context.waitForEvent('page');
      await cdp.send('Target.createTarget', { url: origin, newWindow: true });
      pages.push(await opened);
    }
    await first.getByTestId('connection').filter({ hasText: 'Agent connected' }).waitFor({ timeout: 30_000 });
    isWorkerProbed = await installWorkerProbe(cdp);
    await cdp.detach();
    for (const [i, page] of pages.entries()) {
      const viewed = markets[(2 * i) % markets.length] ?? '';
      const ticketed = markets[(2 * i + 1) % markets.length] ?? '';
      await follow(page, viewed, ticketed);
    }
  } catch (err) {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    throw err;
  }
  const call = <T>(page: Page, name: 'reset' | 'read'): Promise<T> =>
    page.evaluate(
      (n) => (window as unknown as Record<string, Record<string, () => unknown>>)['__ptBench']?.[n]?.(),
      name,
    ) as Promise<T>;
  return {
    pages,
    problems,
    isWorkerProbed,
    reset: async () => {
      await Promise.all(pages.map((p) => call<void>(p, 'reset')));
    },
    read: () => Promise.all(pages.map((p) => call<ProbeFigures>(p, 'read'))),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
