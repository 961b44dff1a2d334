/**
 * Real Chromium (Debian's /usr/bin/chromium) through playwright-core, headless, on a fresh
 * temporary profile, plus the web build the agent serves. Console errors, page errors and failed
 * requests are collected so a test can assert the page ran clean.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';

const REPO_ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
export const CHROMIUM = '/usr/bin/chromium';
/** Screenshots land here (gitignored `test-artifacts/`). */
export const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'web-e2e');

/** `vite build` of web/ into web/dist, the directory the agent serves (npm test builds it fresh). */
export function buildWeb(): void {
  execFileSync(
    process.execPath,
    [join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: REPO_ROOT,
      // vitest sets NODE_ENV=test, which would make a development build (React dev, no service worker).
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 120_000,
    },
  );
}

export interface BrowserSession {
  readonly context: BrowserContext;
  /** Every console error, page error and failed request, as text, across all pages. */
  readonly problems: string[];
  watch(page: Page): Page;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/** `artifacts`: where `screenshot` writes (default ARTIFACTS). */
export async function launchBrowser(options: { artifacts?: string } = {}): Promise<BrowserSession> {
  const artifacts = options.artifacts ?? ARTIFACTS;
  const profile = mkdtempSync(join(tmpdir(), 'pt-chromium-'));
  mkdirSync(artifacts, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: { width: 1280, height: 900 },
  });
  const problems: string[] = [];
  const watch = (page: Page): Page => {
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    return page;
  };
  context.on('page', watch);
  for (const page of context.pages()) watch(page);
  return {
    context,
    problems,
    watch,
    screenshot: async (page, name) => {
      const path = join(artifacts, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
