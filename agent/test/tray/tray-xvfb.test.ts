/**
 * The tray on a real X display (Xvfb) with a real tray host (trayer): the REAL agent process shows
 * its icon (screenshot saved to test-artifacts/tray/, gitignored), its menu opens on a click
 * (xdotool), "Save diagnostics" writes a bundle, and "Quit" runs the orderly stop (exit 0, the
 * shutdown cancel and "agent stopped" in the log).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli, tempDataDir, waitForReady } from '../process/spawn-agent.js';
import type { AgentChild } from '../process/spawn-agent.js';
import { startXDisplay } from './x-display.js';
import type { XDisplay } from './x-display.js';

const ARTIFACTS = resolve(fileURLToPath(new URL('../../../test-artifacts/tray/', import.meta.url)));
let x: XDisplay | undefined;
let agent: AgentChild | undefined;

function xd(): XDisplay {
  if (x === undefined) throw new Error('the X display did not start');
  return x;
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  x = await startXDisplay();
}, 60_000);

afterAll(() => {
  if (agent?.child.exitCode === null) agent.child.kill('SIGKILL');
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
    const icon = await eventually(() => xd().windows('systray', 'class')[0], 'the icon docked in trayer');
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
      xd().run('xdotool', ['mousemove', String(icon.x + 15), String(icon.y + 15), 'click', '1']);
      const menu = await eventually(menuWindow, 'the menu');
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
});
