/** The SQLite store on a real file: WAL, dedupe across reopen, topic windows, history order and pruning. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VibeStore, type StoredItem } from './vibe-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function file(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vibe-store-'));
  dirs.push(dir);
  return join(dir, 'vibe.sqlite');
}

const item = (id: string, publishedAtMs: number, topics: string[]): StoredItem => ({
  id,
  source: 'rss:a',
  title: id,
  publishedAtMs,
  polarity: 0.5,
  modelId: 'm@1',
  topics,
});

describe('VibeStore', () => {
  it('keeps an item once, across reopening the file', () => {
    const path = file();
    const first = new VibeStore(path);
    expect(
      first.addItems([item('a', 10, ['cpi']), item('a', 10, ['cpi']), item('b', 20, ['cpi', 'fed'])]),
    ).toBe(2);
    first.close();
    const again = new VibeStore(path);
    expect(again.addItems([item('a', 10, ['cpi']), item('c', 30, ['fed'])])).toBe(1);
    expect(again.topicItems('cpi', 0, 100).map((row) => row.publishedAtMs)).toEqual([10, 20]);
    expect(again.topicItems('fed', 25, 100)).toEqual([{ source: 'rss:a', publishedAtMs: 30, polarity: 0.5 }]);
    again.close();
  });

  it('serves history oldest first, the newest `limit`, and prunes old aggregates', () => {
    const store = new VibeStore(file());
    const row = (generatedAtMs: number) => ({
      topic: 'fed',
      generatedAtMs,
      score: 0.1,
      confidence: 0.2,
      nItems: 3,
      sourcesJson: '[]',
    });
    store.addAggregates([row(1), row(2), row(3), row(4)]);
    expect(store.history('fed', 0, 10, 2).map((p) => p.generated_at)).toEqual([3, 4]);
    expect(store.latestAggregate('fed')?.generatedAtMs).toBe(4);
    expect(store.pruneAggregates(3)).toBe(2);
    expect(store.history('fed', 0, 10, 10).map((p) => p.generated_at)).toEqual([3, 4]);
    store.close();
  });

  it('refuses a polarity outside [−1, 1] (CHECK constraint)', () => {
    const store = new VibeStore(file());
    expect(() => store.addItems([{ ...item('x', 1, []), polarity: 1.5 }])).toThrow(/CHECK constraint/);
    store.close();
  });
});
