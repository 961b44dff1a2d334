/**
 * Many windows, one agent connection, in real Chromium against the REAL agent and simulator:
 * - pop-outs: the market's book and the activity feed popped out of the command center by their
 *   header buttons, each alone under the SIM banner with Flatten All; an order placed in the main
 *   window shows in the popped-out feed, the popped-out book moves; still one stream socket;
 * - notifications (permission granted to the profile, `window.Notification` wrapped by an init
 *   script that records each call): enabled from the button, a fill, Flatten All's result, the halt
 *   and the resume notify exactly once across all the windows;
 * - no SharedWorker (deleted by an init script, as on Android Chrome): three tabs on ONE stream
 *   socket through the Web Locks leader; the leader's tab closes, another tab connects (one more
 *   socket, not two) and the books keep moving in the tabs left.
 * Screenshots: test-artifacts/web/multi-window-*.png.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SimAgent } from '../e2e/helpers.js';
import { pairCli, startSimAgent } from '../e2e/helpers.js';
import { buildWeb, launchBrowser } from './browser.js';
import type { BrowserSession } from './browser.js';

const SHOTS = resolve(fileURLToPath(new URL('../../../test-artifacts/web/', import.meta.url)));

/** Records every notification a page creates (the real constructor still runs). */
const RECORD_NOTIFICATIONS = `(() => {
  const Real = window.Notification;
  if (typeof Real !== 'function') return;
  const calls = [];
  window.__notifications = calls;
  function Recorded(title, options) {
    calls.push({ title, body: options && options.body, tag: options && options.tag });
    return new Real(title, options);
  }
  Recorded.requestPermission = (...args) => Real.requestPermission(...args);
  Object.defineProperty(Recorded, 'permission', { get: () => Real.permission });
  Recorded.prototype = Real.prototype;
  window.Notification = Recorded;
})();`;

let running: SimAgent | undefined;
const browsers: BrowserSession[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  buildWeb();
  running = await startSimAgent();
}, 180_000);

afterAll(async () => {
  for (const browser of browsers) await browser.close().catch(() => undefined);
  await running?.stop();
}, 30_000);

function agent(): SimAgent {
  if (running === undefined) throw new Error('agent not started');
  return running;
}

async function browser(): Promise<BrowserSession> {
  const session = await launchBrowser();
  browsers.push(session);
  return session;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `multi-window-${name}.png`), fullPage: true });
}

/** Stream sockets the agent has authenticated so far (its log on stderr). */
function streamConnections(): number {
  return agent().agent.stderr().split('stream socket authenticated').length - 1;
}

async function pairFreshPage(session: BrowserSession): Promise<Page> {
  const { url } = await pairCli(agent().dataDir);
  const page = await session.context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'Pair' }).click();
  await waitConnected(page);
  await page.getByTestId('trading-mode').filter({ hasText: 'Trading ACTIVE' }).waitFor({ timeout: 30_000 });
  return page;
}

async function waitConnected(page: Page): Promise<void> {
  await page.getByTestId('environment').filter({ hasText: 'SIM' }).waitFor({ timeout: 30_000 });
  await page.getByTestId('connection').filter({ hasText: 'Agent connected' }).waitFor({ timeout: 30_000 });
}

/** The `index`-th open KXHIGHNY market of the simulator (tests that trade use different ones). */
async function simMarket(index = 0): Promise<string> {
  const sim = agent().sim;
  if (sim === undefined) throw new Error('no simulator');
  const res = await fetch(`${sim.rest}/markets?status=open&limit=200`);
  const { markets } = (await res.json()) as { markets: { ticker: string }[] };
  const market = markets.filter((m) => m.ticker.startsWith('KXHIGHNY'))[index];
  if (market === undefined) throw new Error(`the sim serves no open KXHIGHNY market #${index}`);
  return market.ticker;
}

/**
 * A bid one cent above the best bid the ticket's ladder shows (inside the spread, so it rests at the
 * top of the book): the book changes because of us, not because the replay happens to move it.
 */
async function improvingBid(page: Page): Promise<string> {
  const top = page.getByTestId('book-ladder').locator('tbody tr').first();
  await expect.poll(() => top.locator('td.ask').textContent(), { timeout: 30_000 }).toMatch(/^\$0\.\d{4}$/);
  const cents = async (cell: string): Promise<number> => {
    const text = (await top.locator(cell).textContent()) ?? '';
    return /^\$0\.\d{4}$/.test(text) ? Math.round(Number(text.slice(1)) * 100) : 0;
  };
  const [bid, ask] = [await cents('td.bid'), await cents('td.ask')];
  if (ask - bid < 2) throw new Error(`no room inside the spread (bid ${bid}¢, ask ${ask}¢)`);
  return `0.${String(bid + 1).padStart(2, '0')}`;
}

/** Waits for a ladder's best bid to read `price` (e.g. `0.09` → `$0.0900`). */
async function topBidIs(page: Page, testId: string, price: string): Promise<void> {
  const top = page.getByTestId(testId).locator('tbody tr').first().locator('td.bid');
  await top.filter({ hasText: `$${price}00` }).waitFor({ timeout: 30_000 });
}

async function placeFromTicket(
  page: Page,
  order: { ticker: string; price: string; tif?: string },
): Promise<void> {
  await page.getByLabel('Market ticker').fill(order.ticker);
  await page.getByLabel('Side').selectOption('bid');
  await page.getByLabel('Limit price ($)').fill(order.price);
  await page.getByLabel('Contracts', { exact: true }).fill('1');
  if (order.tif !== undefined) await page.getByLabel('Time in force').selectOption(order.tif);
  await page.getByLabel('Max slippage from mid ($, fat-finger guard)').fill('0.9999');
  await page.getByRole('button', { name: 'Review order' }).click();
  await page.getByRole('button', { name: 'Place order' }).click();
}

interface Recorded {
  readonly title: string;
  readonly tag: string;
}

async function resting(page: Page): Promise<void> {
  await page.getByTestId('ticket-outcome').filter({ hasText: 'Order resting' }).waitFor({ timeout: 20_000 });
}

async function recorded(pages: readonly Page[]): Promise<Recorded[]> {
  const all = await Promise.all(
    pages.map((page) => page.evaluate<Recorded[]>('window.__notifications ?? []')),
  );
  return all.flat();
}

describe('pop-outs, notifications and the Web Locks fallback in Chromium (real agent + simulator)', () => {
  let main: Page | undefined;
  let popouts: Page[] = [];
  let session: BrowserSession | undefined;

  it('pops the book and the activity feed out; they stay in sync on the same single connection', async () => {
    session = await browser();
    await session.context.addInitScript(RECORD_NOTIFICATIONS);
    main = await pairFreshPage(session);
    const before = streamConnections();
    const ticker = await simMarket();
    await main.getByLabel('Search markets').fill(ticker);
    await main.getByRole('button', { name: `Open ${ticker}` }).click();
    await main
      .getByTestId('market-ladder')
      .filter({ hasText: `Book ${ticker}` })
      .waitFor({ timeout: 30_000 });

    const [book] = await Promise.all([
      session.context.waitForEvent('page'),
      main.getByRole('button', { name: 'Pop out Order book' }).click(),
    ]);
    const [activity] = await Promise.all([
      session.context.waitForEvent('page'),
      main.getByRole('button', { name: 'Pop out Activity' }).click(),
    ]);
    popouts = [book, activity];
    expect(new URL(book.url()).pathname).toBe('/panel/book');
    expect(new URL(book.url()).searchParams.get('ticker')).toBe(ticker);
    for (const page of popouts) {
      await waitConnected(page);
      // The banner's safety controls are there in every pop-out.
      expect(await page.getByRole('button', { name: 'Flatten All' }).count()).toBe(1);
      expect(await page.getByTestId('trading-mode').textContent()).toContain('Trading ACTIVE');
    }
    // Alone: the pop-out shows its panel, not the command center's grid.
    expect(await activity.getByRole('heading', { name: 'Order ticket' }).count()).toBe(0);
    await book.bringToFront();
    await book
      .getByTestId('popout-ladder')
      .filter({ hasText: `Book ${ticker}` })
      .waitFor({ timeout: 30_000 });

    // An order placed in the main window moves the popped-out book and shows in the popped-out feed.
    await main.bringToFront();
    await main.getByLabel('Market ticker').fill(ticker);
    const price = await improvingBid(main);
    await placeFromTicket(main, { ticker, price });
    await main
      .getByTestId('ticket-outcome')
      .filter({ hasText: 'Order resting' })
      .waitFor({ timeout: 20_000 });
    await book.bringToFront();
    await topBidIs(book, 'popout-ladder', price);
    await shot(book, 'popout-book');
    await activity.bringToFront();
    await activity
      .getByTestId('activity-list')
      .locator('li[data-kind="order"]', { hasText: ticker })
      .first()
      .waitFor({ timeout: 20_000 });
    await shot(activity, 'popout-activity');
    await shot(main, 'main');
    expect(streamConnections()).toBe(before);
    expect(session.problems).toEqual([]);
  }, 180_000);

  it('notifies a fill, Flatten All’s result, the halt and the resume once across all windows', async () => {
    if (session === undefined || main === undefined) throw new Error('the pop-out test did not run');
    const windows = [main, ...popouts];
    await main.bringToFront();
    await session.context.grantPermissions(['notifications'], { origin: agent().origin });
    // Asked from the button (the permission was granted to the profile after the page loaded).
    await main.getByRole('button', { name: 'Enable notifications' }).click();
    await main.getByTestId('notifications').getByText('Notifications on').waitFor({ timeout: 10_000 });

    const ticker = await simMarket();
    await main.getByLabel('Market ticker').fill(ticker);
    const bestAsk = main.getByTestId('book-ladder').locator('tbody tr').first().locator('td.ask');
    await expect.poll(() => bestAsk.textContent(), { timeout: 20_000 }).toMatch(/^\$0\.\d{4}$/);
    const ask = ((await bestAsk.textContent()) ?? '').slice(1);
    await placeFromTicket(main, { ticker, price: ask, tif: 'immediate_or_cancel' });
    await main.getByTestId('ticket-outcome').filter({ hasText: 'Order filled' }).waitFor({ timeout: 20_000 });
    await expect
      .poll(async () => (await recorded(windows)).filter((n) => n.title === `Fill · ${ticker}`).length, {
        timeout: 20_000,
      })
      .toBe(1);

    await main.getByRole('button', { name: 'Flatten All' }).click();
    await main.getByRole('button', { name: 'Yes, flatten all' }).click();
    await main
      .getByTestId('flatten-report')
      .filter({ hasText: 'Flatten All finished' })
      .waitFor({ timeout: 60_000 });
    await expect
      .poll(async () => (await recorded(windows)).map((n) => n.title).filter((t) => !t.startsWith('Fill')), {
        timeout: 20_000,
      })
      .toEqual(expect.arrayContaining(['Trading HALTED', 'Flatten All finished']));

    await main.getByLabel('Switch to').selectOption('active');
    await main.getByLabel('Reason').fill('resuming after the notifications e2e');
    await main.getByRole('button', { name: 'Switch trading' }).click();
    await main.getByRole('button', { name: 'Confirm switch' }).click();
    await main.getByTestId('trading-mode').filter({ hasText: 'Trading ACTIVE' }).waitFor({ timeout: 20_000 });
    await expect
      .poll(async () => (await recorded(windows)).map((n) => n.title), { timeout: 20_000 })
      .toContain('Trading ACTIVE again');
    // Every event notified once, from one window only (three windows share the connection).
    const all = await recorded(windows);
    expect(new Set(all.map((n) => n.tag)).size).toBe(all.length);
    const perWindow = await Promise.all(windows.map((page) => recorded([page])));
    expect(perWindow.filter((calls) => calls.length > 0)).toHaveLength(1);
    await main.getByTestId('notifications').scrollIntoViewIfNeeded();
    await shot(main, 'notifications');
    expect(session.problems).toEqual([]);
    await session.close();
  }, 180_000);

  it('without SharedWorker: three tabs on one socket via the Web Locks leader; the leader closes, another takes over', async () => {
    const fallback = await browser();
    await fallback.context.addInitScript('delete window.SharedWorker;');
    const before = streamConnections();
    const leader = await pairFreshPage(fallback);
    expect(await leader.evaluate('typeof SharedWorker')).toBe('undefined');
    // Not the market the notifications test lost on (a losing exit starts a cooldown there).
    const ticker = await simMarket(1);
    const followers: Page[] = [];
    for (let i = 0; i < 2; i += 1) {
      const page = await fallback.context.newPage();
      await page.goto(`${agent().origin}/`);
      await waitConnected(page);
      followers.push(page);
    }
    for (const page of [leader, ...followers]) {
      await page.bringToFront();
      await page.getByLabel('Market ticker').fill(ticker);
      await page
        .getByTestId('book-ladder')
        .filter({ hasText: `Book ${ticker}` })
        .waitFor({ timeout: 30_000 });
    }
    expect(streamConnections()).toBe(before + 1);
    // A bid placed from one follower reaches the other through the leader.
    await followers[0]!.bringToFront();
    const price = await improvingBid(followers[0]!);
    await placeFromTicket(followers[0]!, { ticker, price });
    await resting(followers[0]!);
    await followers[1]!.bringToFront();
    await topBidIs(followers[1]!, 'book-ladder', price);
    await shot(followers[1]!, 'locks-follower');

    // The leader's tab goes: the lock passes to a follower, which opens the one new connection.
    await leader.close();
    await expect.poll(() => streamConnections(), { timeout: 30_000 }).toBe(before + 2);
    for (const page of followers) await waitConnected(page);
    // The books keep moving: a new best bid from one remaining tab shows in both.
    await followers[0]!.bringToFront();
    const again = await improvingBid(followers[0]!);
    await placeFromTicket(followers[0]!, { ticker, price: again });
    await resting(followers[0]!);
    for (const [i, page] of followers.entries()) {
      await page.bringToFront();
      try {
        await topBidIs(page, 'book-ladder', again);
      } catch (err) {
        await shot(page, `locks-failed-${i}`);
        throw err;
      }
    }
    await shot(followers[1]!, 'locks-after-takeover');
    // Settled: still that one connection (no tab opened its own).
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(streamConnections()).toBe(before + 2);
    expect(fallback.problems).toEqual([]);
  }, 180_000);
});
