/**
 * `npm run package` for real: builds the one-folder distribution into a temp dir (its size
 * printed), then the packaged agent starts from an empty folder with a minimal environment,
 * prints its ready line, serves the built PWA, and stops cleanly. The package's own installer
 * then writes a systemd user unit that `systemd-analyze verify --user` accepts.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadyLine } from '../process/spawn-agent.js';

const ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
const temp = mkdtempSync(join(tmpdir(), 'pt-package-'));
const pkg = join(temp, 'predictiontrader');
let output = '';

beforeAll(() => {
  output = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'installer/src/package.ts', '--out', pkg, '--skip-web-build'],
    { cwd: ROOT, encoding: 'utf8', timeout: 170_000 },
  );
}, 180_000);

afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the packaged agent', () => {
  it('has the agent, native modules, PWA, models, migrations, launchers and a README, and reports its size', () => {
    expect(output).toMatch(/^packaged .* \(\d+\.\d MB\)$/m);
    for (const file of [
      'dist/agent/agent.mjs',
      'dist/agent/icons/sim-connected.png',
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      'node_modules/systray2/traybin/tray_linux_release',
      'web/dist/index.html',
      'models/manifest.json',
      'README.md',
      'installer.mjs',
    ]) {
      expect(existsSync(join(pkg, file)), file).toBe(true);
    }
    expect(
      readdirSync(join(pkg, 'dist/agent/migrations')).filter((f) => f.endsWith('.sql')).length,
    ).toBeGreaterThan(0);
    expect(statSync(join(pkg, 'predictiontrader')).mode & 0o111).not.toBe(0);
    expect(statSync(join(pkg, 'node_modules/systray2/traybin/tray_linux_release')).mode & 0o111).not.toBe(0);
  });

  it('starts from an empty folder, prints its ready line, serves the PWA and stops with exit 0', async () => {
    const empty = join(temp, 'empty');
    mkdirSync(empty);
    const agent = spawn(
      join(pkg, 'predictiontrader'),
      ['--port', '0', '--data-dir', join(empty, 'data'), '--no-tray'],
      {
        cwd: empty,
        env: { PATH: process.env['PATH'] ?? '', HOME: empty },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    agent.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    agent.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const exited = new Promise<number | null>((done) => agent.once('exit', (code) => done(code)));
    const endMs = Date.now() + 30_000;
    while (!out.includes('\n')) {
      if (Date.now() > endMs || agent.exitCode !== null) throw new Error(`no ready line:\n${err}`);
      await new Promise((done) => setTimeout(done, 100));
    }
    const ready = ReadyLine.parse(JSON.parse(out.slice(0, out.indexOf('\n'))));
    const page = await fetch(`${ready.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    agent.kill('SIGTERM');
    expect(await exited, err).toBe(0);
  }, 60_000);

  it('installs a systemd user unit that systemd-analyze verify accepts', () => {
    const home = join(temp, 'home');
    const runtimeDir = join(temp, 'runtime');
    mkdirSync(runtimeDir, { mode: 0o700 });
    const said = execFileSync(join(pkg, 'install'), ['--home', home, '--no-start'], { encoding: 'utf8' });
    expect(said).toContain('command center: http://127.0.0.1:47821/');
    const unit = join(home, '.config/systemd/user/predictiontrader-agent.service');
    expect(readFileSync(unit, 'utf8')).toContain(`${join(pkg, 'dist/agent/agent.mjs')}`);
    execFileSync('systemd-analyze', ['verify', '--user', unit], {
      env: { PATH: process.env['PATH'] ?? '', XDG_RUNTIME_DIR: runtimeDir, HOME: home },
      encoding: 'utf8',
    });
  });
});
