/**
 * The tray on a real X display (Xvfb) with a real tray host (trayer): the REAL agent process shows
 * its icon (screenshot saved to test-artifacts/tray/, gitignored), its menu opens on a click
 * (xdotool), "Save diagnostics" writes a bundle, and "Quit" runs the orderly stop (exit 0, the
 * shutdown cancel and "agent stopped" in the log). With the REAL simulator: "Halt trading" reaches
 * TradingControls (GET /v1/trading-state says halted by the user), and "Resume trading…" resumes
 * only through its confirming sub-item.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TradingState } from '@pt/protocol';
import { callAgent, pairDevice } from '../e2e/helpers.js';
import { startSimVenue } from '../helpers/sim-venue.js';
import type { SimVenue } from '../helpers/sim-venue.js';
import { spawnCli, tempDataDir, waitForReady } from '../process/spawn-agent.js';
import type { AgentChild } from '../process/spawn-agent.js';
import { startXDisplay } from './x-display.js';
import type { XDisplay } from './x-display.js';

const ARTIFACTS = resolve(fileURLToPath(new URL('../../../test-artifacts/tray/', import.meta.url)));
let x: XDisplay | undefined;
let agent: AgentChild | undefined;
let sim: SimVenue | undefined;

function xd(): XDisplay {
  if (x === undefined) throw new Error('the X display did not start');
  return x;
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  x = await startXDisplay();
}, 60_000);

afterAll(async () => {
  if (agent?.child.exitCode === null) agent.child.kill('SIGKILL');
  await sim?.stop();
  x?.close();
});

async function eventually<T>(probe: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const endMs = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > endMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

/** The helper's icon once docked in trayer's panel (top edge, 32 px high), not while it maps elsewhere. */
async function dockedIcon(): Promise<{ x: number; y: number; width: number; height: number }> {
  return eventually(() => {
    const panel = xd().windows('panel')[0];
    return xd()
      .windows('systray', 'class')
      .find((w) => panel !== undefined && w.y >= panel.y && w.y < panel.y + panel.height && w.x >= panel.x);
  }, 'the icon docked in trayer');
}

/**
 * Clicks the icon until its menu shows: a click that lands while the helper redraws the icon (the
 * state changed) is lost, so click again (never while the menu is up: that would close it).
 */
async function clickUntilMenu(
  icon: { x: number; y: number },
  menuWindow: () => { x: number; y: number } | undefined,
): Promise<{ x: number; y: number }> {
  for (let attempt = 1; ; attempt += 1) {
    xd().run('xdotool', ['mousemove', String(icon.x + 15), String(icon.y + 15), 'click', '1']);
    try {
      return await eventually(menuWindow, 'the menu', 4_000);
    } catch (err) {
      if (attempt === 4) throw err;
    }
  }
}

/** Colours in a screen region, as ImageMagick's histogram names them. */
function colours(file: string, region: { x: number; y: number; width: number; height: number }): string {
  return xd().run('convert', [
    file,
    '-crop',
    `${region.width}x${region.height}+${region.x}+${region.y}`,
    '-format',
    '%c',
    'histogram:info:-',
  ]);
}

describe('the tray icon under Xvfb + trayer', () => {
  it('appears, opens its menu, saves diagnostics and quits the agent gracefully', async () => {
    const dataDir = tempDataDir();
    agent = spawnCli(['--port', '0', '--data-dir', dataDir], { DISPLAY: xd().display });
    await waitForReady(agent);
    const logFile = join(dataDir, 'logs', 'agent.log');
    const log = (): string => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
    await eventually(() => (log().includes('tray icon running') ? true : undefined), 'the tray helper');
    // The icon docks into trayer's panel: a 32x30 window of the helper's "systray" class.
    const icon = await dockedIcon();
    await sleep(1_000);
    const shot = join(ARTIFACTS, 'tray-icon.png');
    xd().run('import', ['-window', 'root', shot]);
    // SIM without a venue: the teal SIM background (#0F766E) with the HALTED bar, in the icon's place.
    expect(colours(shot, icon)).toMatch(/#0F766E/i);

    const menuWindow = (): { x: number; y: number } | undefined =>
      xd()
        .windows('tray_linux_release')
        .find((w) => w.height > 100);
    const openMenu = async (): Promise<{ x: number; y: number }> => {
      await eventually(() => (menuWindow() === undefined ? true : undefined), 'no menu open');
      const where = await dockedIcon();
      const menu = await clickUntilMenu(where, menuWindow);
      await sleep(500);
      return menu;
    };
    // Rows of 25 px from 16 px: status, open, pair, resume…, flatten…, logs, diagnostics, quit
    // (halted without a venue: "Halt trading" is hidden, "Resume trading…" shown).
    const row = (menu: { x: number; y: number }, index: number): string[] => [
      'mousemove',
      String(menu.x + 60),
      String(menu.y + 16 + 25 * index),
      'click',
      '1',
    ];
    const menu = await openMenu();
    xd().run('import', ['-window', 'root', join(ARTIFACTS, 'tray-menu.png')]);
    xd().run('xdotool', row(menu, 6));
    const diagnosticsDir = join(dataDir, 'diagnostics');
    const bundle = await eventually(
      () => (existsSync(diagnosticsDir) ? readdirSync(diagnosticsDir)[0] : undefined),
      'the diagnostics bundle',
    );
    expect(JSON.parse(readFileSync(join(diagnosticsDir, bundle), 'utf8'))).toMatchObject({
      kind: 'pt-agent-diagnostics',
    });

    // The result line ("Diagnostics saved: …") now shows above "Open logs": Quit moved to row 8.
    xd().run('xdotool', row(await openMenu(), 8));
    const { code } = await agent.exited;
    expect(code, agent.stderr()).toBe(0);
    expect(log()).toMatch(/"action":"quit".*"tray action"/);
    expect(log()).toContain('shutdown cancel of our resting orders');
    expect(log()).toContain('agent stopped');
    expect(agent.stderr()).toContain('resting orders cancelled');
  }, 90_000);

  it('Halt from the menu reaches TradingControls; Resume needs its confirming sub-item', async () => {
    sim = await startSimVenue({ seed: 11 });
    const dataDir = tempDataDir();
    agent = spawnCli(
      ['--port', '0', '--data-dir', dataDir, '--env', 'sim', '--sim-rest', sim.rest, '--sim-ws', sim.ws],
      { DISPLAY: xd().display },
    );
    const ready = await waitForReady(agent);
    const { token } = await pairDevice({ dataDir, origin: ready.url });
    const tradingState = async (): Promise<TradingState> =>
      TradingState.parse(await (await callAgent(ready.url, token, 'GET', '/v1/trading-state')).json());
    let state = await tradingState();
    const endMs = Date.now() + 30_000;
    while (state.mode !== 'active') {
      if (Date.now() > endMs) throw new Error(`never active: ${state.reason}`);
      await sleep(200);
      state = await tradingState();
    }
    await dockedIcon();
    const menuWindow = (): { x: number; y: number } | undefined =>
      xd()
        .windows('tray_linux_release')
        .find((w) => w.height > 100);
    const openMenu = async (): Promise<{ x: number; y: number }> => {
      await eventually(() => (menuWindow() === undefined ? true : undefined), 'no menu open');
      await sleep(1_500); // the 1 s refresh has applied the active state (Halt shown)
      const where = await dockedIcon();
      const menu = await clickUntilMenu(where, menuWindow);
      await sleep(500);
      return menu;
    };
    const at = (menu: { x: number; y: number }, index: number): string[] => [
      'mousemove',
      String(menu.x + 60),
      String(menu.y + 16 + 25 * index),
      'click',
      '1',
    ];
    // Active: status, open, pair, Halt trading (3), Flatten All… (4), logs, diagnostics, quit.
    const menu = await openMenu();
    xd().run('import', ['-window', 'root', join(ARTIFACTS, 'tray-menu-active.png')]);
    xd().run('xdotool', at(menu, 3));
    let after = await tradingState();
    const haltBy = Date.now() + 10_000;
    while (after.mode !== 'halted' && Date.now() < haltBy) {
      await sleep(200);
      after = await tradingState();
    }
    expect(after).toMatchObject({ mode: 'halted', changedBy: 'user', reason: 'Halted from the tray' });

    // Halted: row 3 is now "Resume trading…", whose click only opens the confirming sub-item.
    const again = await openMenu();
    xd().run('xdotool', at(again, 3));
    await sleep(1_000);
    expect((await tradingState()).mode).toBe('halted');
    const sub = await eventually(
      () =>
        xd()
          .windows('tray_linux_release')
          .find((w) => w.height > 10 && w.height < 100),
      'the confirming sub-menu',
    );
    xd().run('import', ['-window', 'root', join(ARTIFACTS, 'tray-resume-confirm.png')]);
    xd().run('xdotool', ['mousemove', String(sub.x + 60), String(sub.y + 16), 'click', '1']);
    let resumed = await tradingState();
    const resumeBy = Date.now() + 10_000;
    while (resumed.mode !== 'active' && Date.now() < resumeBy) {
      await sleep(200);
      resumed = await tradingState();
    }
    expect(resumed).toMatchObject({ mode: 'active', changedBy: 'user' });
    agent.child.kill('SIGTERM');
    expect((await agent.exited).code, agent.stderr()).toBe(0);
  }, 120_000);
});
