/**
 * The vibe client and the monitor against a real local HTTP server answering like vibe (bodies
 * built from the protocol contract), with an injected clock so ages are exact: contract failures
 * count as unavailable, the kill switch engages after `killAfterMs` without a valid answer or when
 * data is older than `staleLimitMs`, releases on fresh data, and every change reaches the feed.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TopicSentiment } from '@pt/protocol';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityInput } from '../activity/index.js';
import { DEFAULT_DECAY_POLICY } from './decay.js';
import { SentimentMonitor } from './sentiment-monitor.js';
import { VibeClient } from './vibe-client.js';

const KEY = 'test-key-0123456789abcdef';
let reply: (res: ServerResponse) => void = (res) => res.end();
const seen: { url: string; auth: string | undefined }[] = [];
let server: Server;
let url = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', auth: req.headers.authorization });
    reply(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let now = 1_800_000_000_000;
const clock = () => now;

function topic(overrides: Partial<TopicSentiment> = {}): TopicSentiment {
  return {
    topic: 'cpi',
    score: 0.6,
    confidence: 0.5,
    n_items: 8,
    sources: [{ name: 'rss:nytimes', healthy: true, last_success_at: now, items: 8 }],
    generated_at: now,
    ttl_s: 60,
    ...overrides,
  };
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return (res: ServerResponse) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}

function world() {
  const activity: ActivityInput[] = [];
  const monitor = new SentimentMonitor({
    client: new VibeClient({ url, apiKey: KEY, timeoutMs: 500, nowMs: clock }),
    topics: ['cpi'],
    pollIntervalMs: 1_000,
    maxBackoffMs: 4_000,
    killAfterMs: 10_000,
    staleLimitMs: 120_000,
    policy: { ...DEFAULT_DECAY_POLICY, halfLifeMs: 30_000 },
    record: (input) => {
      activity.push(input);
      return Promise.resolve(null);
    },
    logger: pino({ level: 'silent' }),
    nowMs: clock,
  });
  return { monitor, activity };
}

describe('VibeClient', () => {
  const client = () => new VibeClient({ url, apiKey: KEY, timeoutMs: 500, nowMs: clock });

  it('asks for the topics with the API key and returns the parsed answer', async () => {
    reply = json({ topics: [topic()] });
    seen.length = 0;
    const result = await client().fetchSentiment(['cpi', 'nba.nyk']);
    expect(result).toMatchObject({ ok: true, response: { topics: [topic()] }, receivedAtMs: now });
    expect(seen[0]).toEqual({ url: '/v1/sentiment?topics=cpi%2Cnba.nyk', auth: `Bearer ${KEY}` });
  });

  it.each([
    ['generated_at', 'topics[0].generated_at'],
    ['ttl_s', 'topics[0].ttl_s'],
  ] as const)('counts a topic missing %s as unavailable (contract)', async (field, path) => {
    const { [field]: _dropped, ...rest } = topic();
    reply = json({ topics: [rest] });
    const result = await client().fetchSentiment(['cpi']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure).toBe('contract');
    expect(result.detail).toContain(path);
  });

  it('reports HTTP errors with Retry-After, bodies that are not JSON, and timeouts', async () => {
    reply = json({ code: 'RATE_LIMITED', message: 'slow down', retryable: true }, 429, {
      'retry-after': '3',
    });
    expect(await client().fetchSentiment(['cpi'])).toEqual({
      ok: false,
      failure: 'http',
      detail: 'HTTP 429: slow down',
      retryAfterMs: 3_000,
    });
    reply = (res) => res.end('<html>bad gateway</html>');
    expect(await client().fetchSentiment(['cpi'])).toMatchObject({ ok: false, failure: 'contract' });
    const held: ServerResponse[] = [];
    reply = (res) => void held.push(res);
    expect(await client().fetchSentiment(['cpi'])).toMatchObject({ ok: false, failure: 'timeout' });
    for (const res of held) res.end();
  });

  it('reports a refused connection as unreachable', async () => {
    const refused = new VibeClient({ url: 'http://127.0.0.1:9', timeoutMs: 500 });
    expect(await refused.fetchSentiment(['cpi'])).toMatchObject({ ok: false, failure: 'unreachable' });
  });
});

describe('SentimentMonitor', () => {
  it('starts engaged (no data yet), releases on the first fresh answer, decays the signal with age', async () => {
    const { monitor, activity } = world();
    expect(monitor.killSwitch.state()).toMatchObject({ isEngaged: true, reason: 'no_data_yet' });
    expect(monitor.health().light).toBe('amber');
    reply = json({ topics: [topic()] });
    await monitor.pollOnce();
    expect(monitor.killSwitch.isEngaged).toBe(false);
    expect(monitor.health().light).toBe('green');
    expect(monitor.signal('cpi')?.effective).toBeCloseTo(0.3, 12);
    now += 30_000;
    expect(monitor.signal('cpi')?.effective).toBeCloseTo(0.15, 12);
    expect(activity.map((a) => a.message)).toEqual([
      'Sentiment kill switch released after 0 s: fresh data from vibe.',
    ]);
  });

  it('treats a topic past its ttl as neutral and stale, and says so once in the feed', async () => {
    const { monitor, activity } = world();
    reply = json({ topics: [topic()] });
    await monitor.pollOnce();
    now += 61_000;
    await monitor.pollOnce(); // vibe still answers, with the same (now too old) aggregate
    monitor.evaluate();
    expect(monitor.signal('cpi')).toMatchObject({ effective: 0, isStale: true });
    expect(monitor.health()).toMatchObject({ light: 'amber', detail: 'Sentiment stale (neutral) for cpi' });
    expect(activity.filter((a) => a.message.startsWith('Sentiment for cpi is stale'))).toHaveLength(1);
  });

  it('engages after killAfterMs without a valid answer (off-contract answers included), releases on fresh data', async () => {
    const { monitor, activity } = world();
    reply = json({ topics: [topic()] });
    await monitor.pollOnce();
    reply = json({ topics: [{ ...topic(), generated_at: undefined }] });
    now += 5_000;
    await monitor.pollOnce();
    expect(monitor.killSwitch.isEngaged).toBe(false);
    now += 5_001;
    await monitor.pollOnce();
    expect(monitor.killSwitch.state()).toMatchObject({ isEngaged: true, reason: 'unreachable' });
    expect(monitor.health().light).toBe('red');
    const changes: boolean[] = [];
    monitor.killSwitch.onChange((state) => changes.push(state.isEngaged));
    reply = json({ topics: [topic({ generated_at: now })] });
    await monitor.pollOnce();
    expect(changes).toEqual([false]);
    const messages = activity.map((a) => a.message);
    expect(messages[1]).toMatch(
      /^Sentiment kill switch engaged \(unreachable\): no valid answer from vibe for 10 s \(contract: /,
    );
    expect(messages[2]).toBe('Sentiment kill switch released after 0 s: fresh data from vibe.');
    expect(activity.every((a) => a.kind === 'sentiment')).toBe(true);
  });

  it('engages when vibe answers but its newest aggregate is older than the stale limit', async () => {
    const { monitor } = world();
    reply = json({ topics: [topic({ generated_at: now - 121_000, ttl_s: 3_600 })] });
    await monitor.pollOnce();
    expect(monitor.killSwitch.state()).toMatchObject({ isEngaged: true, reason: 'stale' });
  });

  it('cuts confidence when most items come from unhealthy sources', async () => {
    const { monitor } = world();
    const sources = [{ name: 'reddit:economics', healthy: false, last_success_at: null, items: 8 }];
    reply = json({ topics: [topic({ sources, generated_at: now })] });
    await monitor.pollOnce();
    expect(monitor.signal('cpi')).toMatchObject({ isHealthCut: true, confidence: 0.25 });
    expect(monitor.health()).toMatchObject({ light: 'amber', detail: 'Sentiment sources unhealthy for cpi' });
  });
});
