/**
 * Fresh machine (issue 12): what a new user does, end to end, from an empty folder.
 *
 * `git clone` of this repository's committed HEAD into an empty temp folder, with an empty HOME
 * (so the agent's data dir, `~/.local/share/predictiontrader`, starts empty), then the README's
 * FIRST command, read from README.md, exactly as written. Only the machine's environment is shared
 * with the clone, never files of this checkout: the recorded data (`../shared`, linked beside the
 * clone: it is part of the environment, not of the repository), npm's download cache and user
 * config (~/.npmrc: node-gyp's header location), and the Debian packages (node, chromium).
 * `npm ci` builds better-sqlite3 from source (a couple of minutes). `PT_PORT=0` lets the agent
 * pick a free port: on a shared machine another agent may hold the default 47821.
 *
 * Once the agent prints its pairing link, headless Chromium pairs with it, opens a market from the
 * list and sees its chart move as the simulator replays recorded Kalshi data, buys 1 contract at
 * the best ask (crossing the book) and sees it FILL in the ticket, the orders, the positions and
 * the activity feed. Ctrl-C (SIGINT to the process group, as a terminal sends it) then stops the
 * stack: the agent stops in order and no process of it is left. Screenshots of each step go to
 * test-artifacts/fresh-machine/.
 *
 * The README's SECOND command is not run here: it is the whole test suite, which includes this
 * test, so running it from inside would recurse. CI runs it on a clean clone (`.ci/run`); this
 * file checks that `.ci/run` runs exactly the README's second command.
 *
 * Skipped only when PT_SKIP_FRESH_MACHINE=1.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { descendantPids } from '../e2e/helpers.js';
import { launchBrowser } from '../web/browser.js';
import type { BrowserSession } from '../web/browser.js';
import {
  buyAtBestAsk,
  openListedMarket,
  PAIR_LINK,
  pairWithLink,
  pollUntil,
  waitForChartToMove,
} from '../web/command-center.js';
import { cloneFresh, machineNpmEnv } from './fresh-clone.js';
import type { FreshClone } from './fresh-clone.js';
import { readmeCommands } from './readme-commands.js';
import { isAlive, runInShell } from './shell-run.js';
import type { ShellRun } from './shell-run.js';

const REPO = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
const ARTIFACTS = join(REPO, 'test-artifacts', 'fresh-machine');
const isSkipped = process.env['PT_SKIP_FRESH_MACHINE'] === '1';
/** `npm ci` (native builds included) and the first start, on a busy 2-core machine. */
const INSTALL_AND_START_MS = 11 * 60_000;

describe('README commands', () => {
  it('.ci/run runs exactly the README’s second command (CI runs it on a clean clone)', () => {
    const { test } = readmeCommands(join(REPO, 'README.md'));
    const ciLines = readFileSync(join(REPO, '.ci', 'run'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0 && !line.startsWith('#'));
    expect(ciLines).toContain(test);
  });
});

describe.skipIf(isSkipped)('fresh machine: a clean clone runs the README’s start command', () => {
  let clone: FreshClone | undefined;
  let stack: ShellRun | undefined;
  let browser: BrowserSession | undefined;
  /** Every process of the stack seen while it ran (the shell's descendants and the ready lines' pids). */
  const pids = new Set<number>();

  afterAll(async () => {
    await browser?.close();
    if (stack !== undefined) {
      for (const pid of descendantPids(stack.pid)) pids.add(pid);
      await stack.interrupt(20_000).catch(() => stack?.kill());
      for (const pid of pids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    }
    await clone?.remove();
  }, 300_000);

  it(
    'installs, starts, pairs Chromium, shows a moving market, fills a crossing order, and stops on Ctrl-C',
    async () => {
      const startedAt = Date.now();
      clone = cloneFresh(REPO);
      // The clone's own README: the command a new user reads in what they just cloned.
      const { start } = readmeCommands(join(clone.repo, 'README.md'));
      stack = runInShell(start, {
        cwd: clone.repo,
        env: {
          PATH: process.env['PATH'] ?? '/usr/bin:/bin',
          HOME: clone.home,
          LANG: 'C.UTF-8',
          ...machineNpmEnv(),
          PT_PORT: '0',
        },
      });
      const running = stack;
      await running.waitForOutput(/PredictionTrader is running/, 'the "running" line', INSTALL_AND_START_MS);
      for (const match of running.stdout().matchAll(/^(sim|vibe|agent) ready \(pid (\d+)\)/gm))
        pids.add(Number(match[2]));
      expect(pids.size).toBe(3);
      for (const pid of descendantPids(running.pid)) pids.add(pid);
      const [, link = ''] = await running.waitForOutput(PAIR_LINK, 'the pairing link', 30_000);
      const installedMs = Date.now() - startedAt;

      browser = await launchBrowser({ artifacts: ARTIFACTS });
      const chrome = browser;
      const page = await chrome.context.newPage();
      // Full-page pictures from the top, so the sticky banner sits where the user sees it.
      const screenshot = async (name: string): Promise<void> => {
        await page.evaluate('window.scrollTo(0, 0)');
        await chrome.screenshot(page, name);
      };
      await pairWithLink(page, link);
      await screenshot('01-paired');

      const ticker = await openListedMarket(page, 'KXHIGHNY');
      const { before, after } = await waitForChartToMove(page);
      expect(after).toBeGreaterThan(before);
      await screenshot('02-market-moving');

      const paid = await buyAtBestAsk(page, ticker);
      const order = page.getByTestId('orders-table').locator('tbody tr', { hasText: ticker }).first();
      await pollUntil(
        () => order.getAttribute('data-status'),
        (s) => s === 'filled',
        'the order filled',
      );
      expect(await order.textContent()).toContain(paid);
      const position = page.getByTestId('positions-table').locator('tbody tr', { hasText: ticker });
      await pollUntil(
        async () => (await position.textContent()) ?? '',
        (t) => t.includes('1.00 YES'),
        'the position',
      );
      const fills = page.getByTestId('activity-list').locator('li[data-kind="fill"]', { hasText: ticker });
      await pollUntil(
        () => fills.count(),
        (n) => n >= 1,
        'the fill in the activity feed',
      );
      await screenshot('03-order-filled');
      expect(chrome.problems).toEqual([]);
      await chrome.close();
      browser = undefined;

      for (const pid of descendantPids(running.pid)) pids.add(pid);
      const exit = await running.interrupt(30_000);
      // Ctrl-C ends the shell through SIGINT (or exit 0); what matters is that nothing is left.
      expect(exit.code === 0 || exit.signal === 'SIGINT', JSON.stringify(exit)).toBe(true);
      await pollUntil(
        () => Promise.resolve([...pids].filter(isAlive)),
        (alive) => alive.length === 0,
        'every process of the stack to exit',
        20_000,
      );
      const agentLog = join(clone.home, '.local', 'share', 'predictiontrader', 'logs', 'agent.log');
      expect(existsSync(agentLog)).toBe(true);
      // An orderly stop (store closed), not a process cut off by a second signal.
      expect(readFileSync(agentLog, 'utf8')).toContain('"msg":"agent stopped"');
      stack = undefined;
      process.stdout.write(
        `fresh machine: install + start ${Math.round(installedMs / 1000)} s, total ${Math.round((Date.now() - startedAt) / 1000)} s\n`,
      );
    },
    15 * 60_000,
  );
});
