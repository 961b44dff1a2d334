import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('npm start (scripts/start.ts)', () => {
  it('brings up the simulator and the agent, both answer, and SIGTERM stops everything with exit 0', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pt-start-'));
    dirs.push(dataDir);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/start.ts', '--data-dir', dataDir, '--port', '0'],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.resume();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not running after 60 s:\n${stdout}`)), 60_000);
      child.stdout.on('data', () => {
        if (stdout.includes('PredictionTrader is running')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`start exited early (${code}):\n${stdout}`)));
    });

    const simUrl = /sim ready \(pid \d+\) at (\S+)/.exec(stdout)?.[1];
    const agentUrl = /agent ready \(pid \d+\) at (\S+)/.exec(stdout)?.[1];
    expect(simUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/trade-api\/v2$/);
    expect(agentUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const markets = await fetch(`${simUrl}/markets?status=open&limit=5`);
    expect(markets.status).toBe(200);
    const body = (await markets.json()) as { markets?: { status?: string }[] };
    expect(body.markets?.some((market) => market.status === 'active')).toBe(true);
    const health = await fetch(`${agentUrl}/v1/health`);
    expect(await health.json()).toMatchObject({ status: 'ok' });

    const exitCode = await new Promise<number | null>((resolve) => {
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
    expect(exitCode).toBe(0);
  }, 90_000);
});
