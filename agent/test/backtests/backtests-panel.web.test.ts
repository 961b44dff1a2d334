/**
 * The Backtests panel in real Chromium against the REAL agent: `npm run backtest` replays the
 * recorded weather data into the agent's data dir (the real engine and CLI), the page lists the
 * run and a hand-checkable one beside it, shows the newest's summary and draws its equity curve
 * (canvas, data points) from the lazily loaded chart chunk, switches by keyboard, and logs no
 * console error. Screenshots go to test-artifacts/web-e2e/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BacktestReport } from '@pt/protocol';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimAgent } from '../e2e/helpers.js';
import { startSimAgent, waitFor } from '../e2e/helpers.js';
import { ARTIFACTS, buildWeb, launchBrowser, type BrowserSession } from '../web/browser.js';
import { handBuiltReport } from './report-fixture.js';

const REPO_ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));

let running: SimAgent | undefined;
let browser: BrowserSession | undefined;
let real: BacktestReport | undefined;
const HAND = handBuiltReport('volatility-rider-weather-tob-s7-20251124t100000', 1_764_000_000_000);

/** The real CLI on the recorded weather set, writing into `<data-dir>/backtests/`; the report it wrote. */
function runBacktest(outDir: string): BacktestReport {
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'agent/src/backtest/cli.ts',
      '--strategy',
      'volatility-rider',
      '--data',
      'kalshi-weather',
      '--out',
      outDir,
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 },
  );
  const file = readdirSync(outDir).find(
    (name) => name.startsWith('volatility-rider-kalshi-weather') && name.endsWith('.json'),
  );
  if (file === undefined) throw new Error(`no report in ${outDir}`);
  return BacktestReport.parse(JSON.parse(readFileSync(join(outDir, file), 'utf8')));
}

beforeAll(async () => {
  buildWeb();
  running = await startSimAgent({ withSim: false });
  const outDir = join(running.dataDir, 'backtests');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, `${HAND.summary.id}.json`), JSON.stringify(HAND));
  real = runBacktest(outDir);
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await running?.stop();
}, 30_000);

function chrome(): BrowserSession {
  if (browser === undefined) throw new Error('browser not started');
  return browser;
}

describe('the Backtests panel in Chromium on the real agent', () => {
  it('lists the runs, draws the newest equity curve, and switches to another by keyboard', async () => {
    const agent = running;
    const report = real;
    if (agent === undefined || report === undefined) throw new Error('not started');
    let link: string | undefined;
    await waitFor(() => {
      link = /open (http:\/\/127\.0\.0\.1:\d+\/pair#[0-9A-Z]{4}-[0-9A-Z]{4})\n/.exec(
        agent.agent.stderr(),
      )?.[1];
      return link !== undefined;
    }, 'the pairing notice on the agent stderr');
    const page: Page = await chrome().context.newPage();
    const backtestAnswers: string[] = [];
    page.on('response', (res) => {
      if (res.url().includes('/v1/backtests')) backtestAnswers.push(`${res.status()} ${res.url()}`);
    });
    await page.goto(link as string);
    await page.getByRole('button', { name: 'Pair' }).click();

    const panel = page.locator('section.area-backtests');
    const rows = panel.getByTestId('backtests-table').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
    // The CLI's run is the newer one (created now, the hand-built one in 2025).
    expect(await rows.first().getAttribute('data-id')).toBe(report.summary.id);
    expect(await rows.first().textContent()).toContain('kalshi-weather');
    const region = panel.getByRole('region', { name: report.summary.id });
    await region.waitFor({ timeout: 15_000 });
    const chart = region.getByTestId('equity-chart');
    await expect.poll(() => chart.getAttribute('data-points'), { timeout: 15_000 }).not.toBeNull();
    const points = Number(await chart.getAttribute('data-points'));
    expect(points).toBeGreaterThan(1);
    expect(points).toBeLessThanOrEqual(report.equity.length);
    const lastEquity = report.equity.at(-1)?.equityE6 ?? Number.NaN;
    expect(Number(await chart.getAttribute('data-last-equity'))).toBeCloseTo(lastEquity / 1_000_000, 6);
    expect(await chart.locator('canvas').count()).toBeGreaterThan(0);
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: join(ARTIFACTS, '40-backtests-real-run.png') });

    // Keyboard: Tab from the newest run's button to the next one, Enter shows it.
    await rows.first().getByRole('button').focus();
    await page.keyboard.press('Tab');
    const next = rows.nth(1).getByRole('button');
    expect(await page.locator(':focus').getAttribute('aria-label')).toBe(`Show backtest ${HAND.summary.id}`);
    await page.keyboard.press('Enter');
    const hand = panel.getByRole('region', { name: HAND.summary.id });
    await hand.waitFor({ timeout: 15_000 });
    expect(await hand.getByTestId('backtest-summary').textContent()).toContain('+$0.03');
    expect(await next.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => hand.getByTestId('equity-chart').getAttribute('data-points')).toBe('3');
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: join(ARTIFACTS, '41-backtests-hand-built.png') });
    await chrome().screenshot(page, '42-backtests-page');
    // Every backtest call answered 200; the only console errors are the venue-less agent's 503s
    // (this agent runs without a simulator, so the markets list has no venue to read).
    expect(backtestAnswers.length).toBeGreaterThanOrEqual(3);
    expect(backtestAnswers.filter((answer) => !answer.startsWith('200 '))).toEqual([]);
    expect(chrome().problems.filter((problem) => !/status of 503/.test(problem))).toEqual([]);
  }, 120_000);
});
