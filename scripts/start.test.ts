import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
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
  it('brings up the simulator, vibe and the agent; the agent reconciles with the sim, reads fresh sentiment from vibe, and SIGTERM stops everything in order with exit 0', async () => {
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

    const logFile = join(dataDir, 'logs', 'agent.log');
    const agentLog = (): string => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
    const deadline = Date.now() + 45_000;
    while (!agentLog().includes('"msg":"trading gate open"') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(agentLog()).toContain('"msg":"trading gate open"');

    // vibe on the bundled feeds, its key shared through 0600 files (paths in argv, never the key).
    const vibeUrl = /vibe ready \(pid \d+\) at (\S+)/.exec(stdout)?.[1];
    expect(vibeUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const keyFile = join(dataDir, 'vibe', 'agent.key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'vibe', 'keys.json')).mode & 0o777).toBe(0o600);
    const key = readFileSync(keyFile, 'utf8').trim();
    expect((await fetch(`${vibeUrl}/v1/sentiment?topics=fed`)).status).toBe(401);
    const sentiment = await fetch(`${vibeUrl}/v1/sentiment?topics=fed`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(sentiment.status).toBe(200);
    while (!/"isEngaged":false/.test(agentLog()) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(agentLog()).toMatch(/sentiment kill switch changed/);
    expect(agentLog()).toMatch(/"isEngaged":false/);
    expect(agentLog()).not.toContain(key);

    const exitCode = await new Promise<number | null>((resolve) => {
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
    expect(exitCode).toBe(0);
    // The agent stopped in order (store closed) rather than being cut off by a second signal.
    expect(agentLog()).toContain('"msg":"agent stopped"');
  }, 120_000);
});
