/**
 * Lighthouse 12.2.3 (the pinned devDependency) on Debian Chromium, default settings (mobile,
 * simulated throttling): performance and accessibility of the pairing page and, after pairing that
 * Chromium's profile (connected over CDP with playwright-core), of the paired command center
 * (`disableStorageReset`, so the token in IndexedDB stays).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './tabs.js';

export interface LighthouseScores {
  readonly page: string;
  /** 0–100, or null when the category did not score. */
  readonly performance: number | null;
  readonly accessibility: number | null;
}

async function audit(
  url: string,
  port: number,
  keepStorage: boolean,
): Promise<Omit<LighthouseScores, 'page'>> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
    disableStorageReset: keepStorage,
  });
  const score = (id: string): number | null => {
    const s = result?.lhr.categories[id]?.score;
    return typeof s === 'number' ? Math.round(s * 100) : null;
  };
  return { performance: score('performance'), accessibility: score('accessibility') };
}

/** Audits `pairUrl`'s page, then pairs with it and audits the app at `origin`. */
export async function runLighthouse(origin: string, pairUrl: string): Promise<LighthouseScores[]> {
  const profile = mkdtempSync(join(tmpdir(), 'pt-bench-lighthouse-'));
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    userDataDir: profile,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  try {
    const scores: LighthouseScores[] = [];
    scores.push({ page: 'pairing page', ...(await audit(`${origin}/pair`, chrome.port, false)) });
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
    const context = browser.contexts()[0];
    if (context === undefined) throw new Error('lighthouse chromium: no default context');
    const page = await context.newPage();
    await page.goto(pairUrl);
    await page.getByRole('button', { name: 'Pair' }).click();
    await page.getByTestId('connection').filter({ hasText: 'Agent connected' }).waitFor({ timeout: 30_000 });
    await page.close();
    await browser.close();
    scores.push({ page: 'paired command center', ...(await audit(`${origin}/`, chrome.port, true)) });
    return scores;
  } finally {
    chrome.kill();
    rmSync(profile, { recursive: true, force: true });
  }
}
