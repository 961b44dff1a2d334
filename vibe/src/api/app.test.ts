/**
 * The HTTP API in-process over the real service (offline sources from the bundled real feeds,
 * SQLite in memory, the test keyword scorer): auth, rate limit, errors naming the field, and
 * answers that parse with the protocol schemas.
 */
import { ErrorBody, SentimentHistoryResponse, SentimentResponse } from '@pt/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeywordScorer } from '../../test/helpers/keyword-scorer.js';
import { parseVibeCli } from '../cli.js';
import { silentLog } from '../lib/log.js';
import { buildVibeService, ConfigError, type VibeService } from '../service.js';

const KEY = 'k'.repeat(32);
const OTHER = 'o'.repeat(32);
let clock = Date.parse('2026-11-25T12:00:00Z');
let service: VibeService;

beforeAll(async () => {
  const options = parseVibeCli(['--rate-capacity', '3', '--rate-per-s', '0.5', '--ttl-s', '120']);
  service = buildVibeService(options, {
    scorer: new KeywordScorer(),
    log: silentLog(),
    env: { VIBE_API_KEYS: `agent:${KEY},other:${OTHER}` },
    nowMs: () => clock,
  });
  await service.pipeline.tick();
});
afterAll(async () => {
  await service.close();
});

const get = (path: string, key: string | null = KEY) =>
  service.app.request(path, key === null ? {} : { headers: { authorization: `Bearer ${key}` } });

describe('vibe API', () => {
  it('answers /v1/health without a key and nothing else', async () => {
    expect(await (await get('/v1/health', null)).json()).toEqual({ status: 'ok' });
    const res = await get('/v1/sentiment?topics=cpi', null);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="vibe"');
    expect(ErrorBody.parse(await res.json()).code).toBe('UNAUTHORIZED');
    expect((await get('/v1/sentiment?topics=cpi', 'x'.repeat(32))).status).toBe(401);
  });

  it('serves per-topic aggregates from the real feeds with freshness and source health', async () => {
    clock += 10_000;
    const res = await get('/v1/sentiment?topics=payrolls,oil', OTHER);
    expect(res.status).toBe(200);
    const body = SentimentResponse.parse(await res.json());
    expect(body.topics.map((t) => t.topic)).toEqual(['payrolls', 'oil']);
    const [payrolls] = body.topics;
    expect(payrolls?.n_items).toBeGreaterThan(0);
    expect(payrolls?.ttl_s).toBe(120);
    expect(payrolls?.generated_at).toBe(clock - 10_000);
    const nyt = payrolls?.sources.find((s) => s.name === 'rss:nytimes');
    expect(nyt).toMatchObject({ healthy: true, last_success_at: clock - 10_000 });
    expect(nyt?.items).toBeGreaterThan(0);
    expect(payrolls?.sources.reduce((sum, s) => sum + s.items, 0)).toBe(payrolls?.n_items);
  });

  it('refuses bad queries with 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['/v1/sentiment', 'topics'],
      ['/v1/sentiment?topics=CPI', 'topics[0]'],
      ['/v1/sentiment?topics=cpi,nosuch', 'topics[1]'],
      ['/v1/sentiment/history?topic=fed&limit=0', 'limit'],
    ];
    for (const [path, field] of cases) {
      clock += 2_000; // a token refills (capacity 3, one per 2 s)
      const res = await get(path, OTHER);
      expect(res.status, path).toBe(400);
      expect(ErrorBody.parse(await res.json()).message.startsWith(`${field}:`), path).toBe(true);
    }
    clock += 2_000;
    expect((await get('/v1/sentiment/history?topic=nosuch', OTHER)).status).toBe(404);
  });

  it('serves the history of stored aggregates, oldest first', async () => {
    clock += 60_000; // also refills OTHER's bucket
    service.pipeline.aggregateAll();
    const body = SentimentHistoryResponse.parse(
      await (await get('/v1/sentiment/history?topic=fed', OTHER)).json(),
    );
    expect(body.points.length).toBeGreaterThanOrEqual(2);
    const times = body.points.map((point) => point.generated_at);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const limited = SentimentHistoryResponse.parse(
      await (await get('/v1/sentiment/history?topic=fed&limit=1', OTHER)).json(),
    );
    expect(limited.points).toEqual(body.points.slice(-1));
  });

  it('rate-limits per key with 429 and Retry-After, other keys unaffected', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await get('/v1/topics')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await get('/v1/topics');
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(ErrorBody.parse(await limited.json())).toMatchObject({ code: 'RATE_LIMITED', retryable: true });
    clock += 2_000;
    expect((await get('/v1/topics')).status).toBe(200);
  });

  it('refuses to build without API keys or with a short key', () => {
    const options = parseVibeCli([]);
    const deps = { scorer: new KeywordScorer(), log: silentLog() };
    expect(() => buildVibeService(options, { ...deps, env: {} })).toThrow(ConfigError);
    expect(() => buildVibeService(options, { ...deps, env: { VIBE_API_KEYS: 'a:short' } })).toThrow(
      /VIBE_API_KEYS\[0\.key\]/,
    );
  });
});
