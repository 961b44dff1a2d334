/**
 * The fatal-error exit path runs the shutdown cancel hook before it cleans up and exits 1: the
 * agent's real handler (process/fatal-errors.ts) in a child process that throws.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const FIXTURE = fileURLToPath(new URL('./fixtures/fatal-after-hook.ts', import.meta.url));

describe('fatal error exit', () => {
  it('awaits the before-exit hook (the shutdown cancel), then cleans up and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pt-fatal-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dir], { stdio: 'ignore' });
      const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
      expect(code).toBe(1);
      expect(existsSync(join(dir, 'hook-done'))).toBe(true);
      expect(existsSync(join(dir, 'cleanup-done'))).toBe(true);
      expect(readFileSync(join(dir, 'logs', 'agent.log'), 'utf8')).toContain('injected bug');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
