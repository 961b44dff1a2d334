import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
mkdirSync(join(root, 'dist'), { recursive: true });
// Inside the repo, so the bundle resolves its one external (better-sqlite3) from node_modules.
const work = mkdtempSync(join(root, 'dist', 'build-test-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run build (scripts/build.ts)', () => {
  it('bundles an agent that migrates its ledger, answers health and stops cleanly', async () => {
    const outDir = join(work, 'out');
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--out', outDir], { cwd: root });
    expect(readdirSync(join(outDir, 'migrations')).length).toBeGreaterThan(0);

    const dataDir = join(work, 'data');
    const child = spawn(process.execPath, [join(outDir, 'agent.mjs'), '--port', '0', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const firstLine = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`bundle exited before ready (code ${code})`)));
    });
    const ready = JSON.parse(firstLine) as { event: string; pid: number; url: string };
    expect(ready).toMatchObject({ event: 'ready', pid: child.pid });
    const health = await fetch(`${ready.url}/v1/health`);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    expect(existsSync(join(dataDir, 'ledger-sim.sqlite'))).toBe(true);

    const code = await new Promise<number | null>((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
  }, 60_000);
});
