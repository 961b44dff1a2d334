/**
 * Install / uninstall of autostart into a temporary HOME (no systemctl, launchctl or schtasks:
 * `isNoStart`): idempotent both ways, the data dir created 0700, the canonical URL and how to pair
 * printed. The macOS and Windows files are generated here and checked for content; they cannot
 * be registered on this Linux machine.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runInstall } from '../../../installer/src/install.js';
import type { InstallOptions } from '../../../installer/src/install.js';
import type { InstallPlatform } from '../../../installer/src/autostart-files.js';

const homes: string[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

function options(
  platform: InstallPlatform,
  action: 'install' | 'uninstall',
  home: string,
  lines: string[],
): InstallOptions {
  return {
    action,
    platform,
    home,
    packageDir: '/opt/Prediction Trader',
    nodePath: '/usr/bin/node',
    isNoStart: true,
    write: (line) => lines.push(line),
  };
}

function tempHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'pt-home-'));
  homes.push(home);
  return home;
}

describe('autostart install / uninstall', () => {
  it('is idempotent on Linux, creates the data dir 0700 and says where to go and how to pair', () => {
    const home = tempHome();
    const lines: string[] = [];
    const first = runInstall(options('linux', 'install', home, lines));
    const unit = join(home, '.config/systemd/user/predictiontrader-agent.service');
    expect(first.changed).toEqual([unit]);
    expect(statSync(first.dataDir).mode & 0o777).toBe(0o700);
    expect(first.dataDir).toBe(join(home, '.local/share/predictiontrader'));
    const text = readFileSync(unit, 'utf8');
    expect(text).toContain('Restart=on-failure');
    expect(text).toContain('WantedBy=default.target');
    expect(text).toContain(
      'ExecStart="/usr/bin/node" "/opt/Prediction Trader/dist/agent/agent.mjs" "--data-dir"',
    );
    expect(text).not.toMatch(/^User=/m);
    expect(lines).toContain('command center: http://127.0.0.1:47821/');
    expect(lines.some((line) => line.includes('predictiontrader pair'))).toBe(true);

    expect(runInstall(options('linux', 'install', home, [])).changed).toEqual([]);
    expect(readFileSync(unit, 'utf8')).toBe(text);
    expect(runInstall(options('linux', 'uninstall', home, [])).changed).toEqual([unit]);
    expect(existsSync(unit)).toBe(false);
    expect(runInstall(options('linux', 'uninstall', home, [])).changed).toEqual([]);
    // Uninstall never deletes the trader's data.
    expect(existsSync(first.dataDir)).toBe(true);
  });

  it('writes a LaunchAgent plist on macOS (generated here, not loadable on Linux)', () => {
    const home = tempHome();
    const outcome = runInstall(options('darwin', 'install', home, []));
    const plist = readFileSync(join(home, 'Library/LaunchAgents/com.predictiontrader.agent.plist'), 'utf8');
    expect(plist).toContain('<string>com.predictiontrader.agent</string>');
    expect(plist).toMatch(/<key>RunAtLoad<\/key>\s*<true\/>/);
    expect(plist).toMatch(/<key>SuccessfulExit<\/key>\s*<false\/>/);
    expect(plist).toContain('<string>/opt/Prediction Trader/dist/agent/agent.mjs</string>');
    expect(outcome.dataDir).toBe(join(home, 'Library/Application Support/PredictionTrader'));
    expect(statSync(outcome.dataDir).mode & 0o777).toBe(0o700);
    expect(runInstall(options('darwin', 'install', home, [])).changed).toEqual([]);
    expect(runInstall(options('darwin', 'uninstall', home, [])).changed).toHaveLength(1);
  });

  it('writes a Task Scheduler task and a Startup entry on Windows (generated here, not registrable on Linux)', () => {
    const home = tempHome();
    const outcome = runInstall(options('win32', 'install', home, []));
    expect(outcome.files).toHaveLength(2);
    const [taskFile, startupFile] = outcome.files;
    const task = readFileSync(taskFile ?? '', 'utf8');
    expect(task).toContain('<LogonTrigger>');
    expect(task).toContain('<RunLevel>LeastPrivilege</RunLevel>');
    expect(task).toContain('<RestartOnFailure>');
    expect(task).toContain('--data-dir');
    expect(startupFile).toMatch(/Start Menu\\Programs\\Startup\\PredictionTrader\.cmd$/);
    expect(readFileSync(startupFile ?? '', 'utf8')).toContain('agent.mjs');
    expect(runInstall(options('win32', 'install', home, [])).changed).toEqual([]);
    expect(runInstall(options('win32', 'uninstall', home, [])).changed).toHaveLength(2);
  });
});
