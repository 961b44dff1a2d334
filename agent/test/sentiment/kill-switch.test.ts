/**
 * The sentiment kill switch end to end: the REAL vibe process (bundled real feeds, VADER scorer,
 * SQLite file) and the agent's real client and monitor over loopback, recording into a real
 * activity feed (store, hub). When vibe stops answering (SIGSTOP: its socket stays open, requests
 * hang) the kill switch engages within the configured time; when vibe answers again with fresh
 * data it releases; both changes are in the feed and in the health light.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_DECAY_POLICY,
  SentimentMonitor,
  VibeClient,
  type KillSwitchState,
} from '../../src/sentiment/index.js';
import { activityWorld, type ActivityWorld } from '../activity/harness.js';
import { startVibe, type VibeProcess } from './vibe-process.js';

const KILL_AFTER_MS = 1_500;
const TIMEOUT_MS = 300;
/** The configured time plus one request timeout and one check: the switch must have engaged by then. */
const ENGAGE_WITHIN_MS = KILL_AFTER_MS + TIMEOUT_MS + 1_000;

let vibe: VibeProcess;
let w: ActivityWorld;
let monitor: SentimentMonitor;
const changes: KillSwitchState[] = [];

beforeAll(async () => {
  vibe = await startVibe(['--scorer', 'vader', '--tick-ms', '200', '--ttl-s', '30']);
  w = activityWorld();
  monitor = new SentimentMonitor({
    client: new VibeClient({ url: vibe.url, apiKey: vibe.apiKey, timeoutMs: TIMEOUT_MS }),
    topics: ['cpi', 'payrolls', 'oil'],
    pollIntervalMs: 200,
    maxBackoffMs: 400,
    killAfterMs: KILL_AFTER_MS,
    staleLimitMs: 10_000,
    checkIntervalMs: 100,
    policy: DEFAULT_DECAY_POLICY,
    record: (input) => w.recorder.record(input),
    logger: pino({ level: 'silent' }),
  });
  monitor.killSwitch.onChange((state) => changes.push(state));
  monitor.start();
}, 90_000);

afterAll(async () => {
  await monitor.stop();
  await vibe.stop();
  await w.close();
});

function sentimentFeed(): string[] {
  return w.feed
    .page({ limit: 100 })
    .events.filter((event) => event.kind === 'sentiment')
    .map((event) => event.message)
    .reverse();
}

describe('sentiment kill switch against the real vibe process', () => {
  it('releases once vibe answers with fresh aggregates from the real feeds', async () => {
    await vi.waitFor(() => expect(monitor.killSwitch.isEngaged).toBe(false), {
      timeout: 15_000,
      interval: 50,
    });
    const oil = monitor.signal('oil');
    expect(oil?.nItems).toBeGreaterThan(0);
    expect(oil?.isStale).toBe(false);
    expect(Math.abs(oil?.effective ?? 2)).toBeLessThanOrEqual(1);
    expect(monitor.health().light).toBe('green');
  });

  it('engages within the configured time when vibe stops answering, then releases when it answers again', async () => {
    changes.length = 0;
    vibe.pause();
    await vi.waitFor(
      () => expect(monitor.killSwitch.state()).toMatchObject({ isEngaged: true, reason: 'unreachable' }),
      {
        timeout: ENGAGE_WITHIN_MS,
        interval: 50,
      },
    );
    expect(monitor.health().light).toBe('red');
    expect(monitor.health().detail).toMatch(
      /^Sentiment kill switch engaged: no valid answer from vibe for \d+ s \(timeout: /,
    );

    vibe.resume();
    await vi.waitFor(() => expect(monitor.killSwitch.isEngaged).toBe(false), {
      timeout: 15_000,
      interval: 50,
    });
    expect(changes.map((state) => state.isEngaged)).toEqual([true, false]);
    expect(monitor.signal('oil')?.isStale).toBe(false);

    await vi.waitFor(() => {
      const feed = sentimentFeed();
      expect(feed.filter((m) => m.startsWith('Sentiment kill switch engaged (unreachable)'))).toHaveLength(1);
      expect(feed.at(-1)).toMatch(/^Sentiment kill switch released after [\d.]+ s: fresh data from vibe\.$/);
    });
  });
});
