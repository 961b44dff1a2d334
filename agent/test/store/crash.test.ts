import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, storeFileName } from '../../src/store/index.js';
import { makeTempDir, silentLogger } from './temp-dir.js';

const WRITER = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const EVENTS_PER_GROUP = 5; // as in crash-writer.ts

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('pt-crash-');
});
afterEach(() => temp.remove());

/** Runs the writer until it has printed `killAfterAcks` acks, SIGKILLs it, returns the acked groups. */
function runAndKill(killAfterAcks: number): Promise<{ ackedGroups: number[]; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, temp.dir], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const ackedGroups: number[] = [];
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? ''; // a partial last line is not a complete ack yet
      for (const line of lines) {
        const match = /^ack (\d+)$/.exec(line);
        if (match?.[1] !== undefined) ackedGroups.push(Number(match[1]));
      }
      if (ackedGroups.length >= killAfterAcks && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own (code ${code}): ${stderr}`));
      else resolve({ ackedGroups, signal });
    });
  });
}

describe('a writer killed with SIGKILL mid-stream', () => {
  it.each([200, 1_500, 4_000])(
    'after %i acks: keeps every acknowledged write, no partial append, ids form a prefix of submission order',
    async (killAfterAcks) => {
      const { ackedGroups, signal } = await runAndKill(killAfterAcks);
      expect(signal).toBe('SIGKILL');
      expect(ackedGroups.length).toBeGreaterThanOrEqual(killAfterAcks);

      const db = new Database(`${temp.dir}/${storeFileName('sim')}`);
      let stored: { group: number; seq: number }[];
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        stored = db
          .prepare("SELECT payload FROM ledger_events WHERE source = 'crash.test' ORDER BY id")
          .pluck()
          .all()
          .map((payload) => {
            if (typeof payload !== 'string') throw new Error('payload is not text');
            const parsed: unknown = JSON.parse(payload);
            if (typeof parsed !== 'object' || parsed === null || !('seq' in parsed) || !('group' in parsed)) {
              throw new Error(`unexpected payload ${payload}`);
            }
            return { group: Number(parsed.group), seq: Number(parsed.seq) };
          });
      } finally {
        db.close();
      }

      // The stored events are exactly submissions 0..n-1, in order: no gap, no reordering.
      expect(stored.map((e) => e.seq)).toEqual(Array.from({ length: stored.length }, (_, i) => i));
      // Every append (one job) is all or nothing.
      expect(stored.length % EVENTS_PER_GROUP).toBe(0);
      // Every acknowledged append is there.
      const storedGroups = new Set(stored.map((e) => e.group));
      const lost = ackedGroups.filter((g) => !storedGroups.has(g));
      expect(lost).toEqual([]);

      // Replaying everything after the crash (what a restarted connector does) is safe.
      const store = openStore({ dataDir: temp.dir, environment: 'sim', logger: silentLogger });
      try {
        const replayGroups = stored.length / EVENTS_PER_GROUP + 3;
        const events = Array.from({ length: replayGroups * EVENTS_PER_GROUP }, (_, seq) => ({
          source: 'crash.test',
          sourceEventId: `g${Math.floor(seq / EVENTS_PER_GROUP)}-${seq % EVENTS_PER_GROUP}`,
          kind: 'order.intent',
          payload: { group: Math.floor(seq / EVENTS_PER_GROUP), seq },
        }));
        const outcomes = await store.ledger.append(events);
        expect(outcomes.filter((o) => o.isNew)).toHaveLength(3 * EVENTS_PER_GROUP);
        expect(store.counts()).toMatchObject({ ledger_events: events.length });
      } finally {
        await store.close();
      }
    },
  );
});
