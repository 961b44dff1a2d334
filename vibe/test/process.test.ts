/**
 * The vibe process contract: `--port 0` prints one JSON ready line (port, pid, url) on stdout and
 * serves; SIGTERM exits 0; bad configuration exits 2 naming what is wrong.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { SentimentResponse } from '@pt/protocol';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KEY = 'process-test-key-0123456789';

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'vibe/src/main.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, VIBE_API_KEYS: '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('vibe process', () => {
  it('prints the ready line, serves the contract, exits 0 on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'vibe/src/main.ts', '--port', '0', '--scorer', 'vader', '--log-level', 'warn'],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, VIBE_API_KEYS: `test:${KEY}` },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`exited ${code} before ready`)));
    });
    const ready = JSON.parse(line) as { event: string; port: number; pid: number; url: string };
    expect(ready).toEqual({
      event: 'ready',
      port: ready.port,
      pid: child.pid,
      url: `http://127.0.0.1:${ready.port}`,
    });
    const res = await fetch(`${ready.url}/v1/sentiment?topics=oil`, {
      headers: { authorization: `Bearer ${KEY}` },
    });
    expect(SentimentResponse.parse(await res.json()).topics[0]?.n_items).toBeGreaterThan(0);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('exits 2 without API keys, and on a bad flag naming it', () => {
    const noKeys = run(['--port', '0']);
    expect(noKeys.status).toBe(2);
    expect(noKeys.stderr).toContain('no API keys');
    const badFlag = run(['--ttl-s', '0'], { VIBE_API_KEYS: `test:${KEY}` });
    expect(badFlag.status).toBe(2);
    expect(badFlag.stderr).toContain('invalid --ttl-s');
  });
});
