/**
 * Collector fault tests against a real local HTTP server: conditional GET, duplicates, 500s with
 * backoff, timeouts, Retry-After, malformed XML / JSON / items. The clock is injected so backoff
 * times are exact; the network is real.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SourceSpec } from '../config/sources.js';
import { createCollector } from './create.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let handler: Handler = (_req, res) => res.end();
const requests: IncomingMessage[] = [];
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  requests.length = 0;
});

function rss(items: { guid: string; title: string }[]): string {
  const body = items
    .map(
      (i) =>
        `<item><title>${i.title}</title><guid>${i.guid}</guid><pubDate>Sun, 08 Mar 2026 22:16 GMT</pubDate></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${body}</channel></rss>`;
}

const warnings: string[] = [];
const log = {
  info: () => undefined,
  debug: () => undefined,
  error: () => undefined,
  warn: (obj: object, msg?: string) => {
    warnings.push(`${msg ?? ''} ${JSON.stringify(obj)}`);
  },
} as unknown as Parameters<typeof createCollector>[1]['log'];

const now = 1_000_000;
function collector(spec: Record<string, unknown>) {
  return createCollector(SourceSpec.parse(spec), {
    log,
    env: { BOT_TOKEN: 'bot-token-for-tests' },
    nowMs: () => now,
  });
}

describe('RSS collector over HTTP', () => {
  it('sends If-None-Match / If-Modified-Since after a 200 and treats 304 as a healthy empty poll', async () => {
    handler = (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { etag: '"v1"', 'last-modified': 'Sun, 08 Mar 2026 22:16:00 GMT' });
      res.end(rss([{ guid: 'a', title: 'Payrolls fell' }]));
    };
    const c = collector({ kind: 'rss', name: 'cond', url: `${base}/feed`, intervalS: 60 });
    expect((await c.poll()).map((item) => item.id)).toEqual(['rss:cond:a']);
    expect(await c.poll()).toEqual([]);
    expect(requests[1]?.headers['if-none-match']).toBe('"v1"');
    expect(requests[1]?.headers['if-modified-since']).toBe('Sun, 08 Mar 2026 22:16:00 GMT');
    expect(requests[0]?.headers['user-agent']).toMatch(/^omni-vibe\//);
    expect(c.health()).toMatchObject({ healthy: true, consecutiveFailures: 0, itemsPerHour: 1 });
  });

  it('drops items already seen (duplicates across polls and within one payload)', async () => {
    let round = 0;
    handler = (_req, res) => {
      round += 1;
      const items = [
        { guid: 'a', title: 'A' },
        { guid: 'a', title: 'A again' },
      ];
      if (round > 1) items.push({ guid: 'b', title: 'B' });
      res.end(rss(items));
    };
    const c = collector({ kind: 'rss', name: 'dup', url: `${base}/dup` });
    expect((await c.poll()).map((item) => item.id)).toEqual(['rss:dup:a']);
    expect((await c.poll()).map((item) => item.id)).toEqual(['rss:dup:b']);
    expect(await c.poll()).toEqual([]);
  });

  it('backs off exponentially on 500s up to the cap, turns unhealthy after 3, recovers on success', async () => {
    let status = 500;
    handler = (_req, res) => {
      res.statusCode = status;
      res.end(status === 200 ? rss([{ guid: 'z', title: 'Z' }]) : 'oops');
    };
    const c = collector({ kind: 'rss', name: 'err', url: `${base}/err`, intervalS: 10, maxBackoffS: 50 });
    const delays: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      expect(await c.poll()).toEqual([]);
      delays.push(c.nextPollAtMs() - now);
    }
    expect(delays).toEqual([20_000, 40_000, 50_000, 50_000]);
    expect(c.health()).toMatchObject({ healthy: false, consecutiveFailures: 4, lastError: 'HTTP 500' });
    status = 200;
    expect(await c.poll()).toHaveLength(1);
    expect(c.health()).toMatchObject({ healthy: true, consecutiveFailures: 0, lastSuccessAtMs: now });
    expect(c.nextPollAtMs() - now).toBe(10_000);
  });

  it('times out a server that never answers and reports it', async () => {
    const held: ServerResponse[] = [];
    handler = (_req, res) => void held.push(res); // hold the request open
    const c = collector({ kind: 'rss', name: 'slow', url: `${base}/slow`, timeoutMs: 300 });
    expect(await c.poll()).toEqual([]);
    expect(c.health()).toMatchObject({ consecutiveFailures: 1, lastError: 'timed out after 300 ms' });
    for (const res of held) res.end();
  });

  it('obeys Retry-After on 429', async () => {
    handler = (_req, res) => void res.writeHead(429, { 'retry-after': '120' }).end();
    const c = collector({ kind: 'rss', name: 'limited', url: `${base}/limited`, intervalS: 10 });
    await c.poll();
    expect(c.health().lastError).toBe('HTTP 429, asked to wait 120000 ms');
    expect(c.nextPollAtMs() - now).toBe(120_000);
  });

  it('fails the poll on malformed XML without throwing', async () => {
    handler = (_req, res) => res.end('<rss><channel><item><title>cut off');
    const c = collector({ kind: 'rss', name: 'broken', url: `${base}/broken` });
    expect(await c.poll()).toEqual([]);
    expect(c.health().lastError).toMatch(/not well-formed XML/);
  });

  it('skips a malformed item, counts every one and logs each kind once', async () => {
    handler = (_req, res) =>
      res.end(
        rss([
          { guid: 'ok', title: 'Fine' },
          { guid: 'n1', title: '' },
          { guid: 'n2', title: '' },
        ]),
      );
    warnings.length = 0;
    const c = collector({ kind: 'rss', name: 'skips', url: `${base}/skips` });
    expect((await c.poll()).map((item) => item.id)).toEqual(['rss:skips:ok']);
    await c.poll();
    expect(c.health().skippedTotal).toBe(4);
    expect(warnings.filter((line) => line.includes('entry without a title'))).toHaveLength(1);
  });
});

describe('Reddit and Discord collectors over HTTP', () => {
  it('fails the poll on malformed JSON and recovers', async () => {
    let body = '{"kind": "Listing", "data": {"children": [';
    handler = (_req, res) => res.end(body);
    const c = collector({ kind: 'reddit', subreddit: 'economics', url: `${base}/r/economics/new.json` });
    expect(await c.poll()).toEqual([]);
    expect(c.health().lastError).toMatch(/^reddit:economics: malformed JSON/);
    body = JSON.stringify({
      kind: 'Listing',
      data: {
        children: [
          {
            kind: 't3',
            data: {
              name: 't3_abc',
              subreddit: 'economics',
              title: 'CPI hot',
              permalink: '/r/x/',
              created_utc: 1.7e9,
            },
          },
        ],
      },
    });
    expect((await c.poll()).map((item) => item.id)).toEqual(['reddit:economics:t3_abc']);
  });

  it('sends the bot token to the channel messages endpoint', async () => {
    handler = (_req, res) => res.end('[]');
    const c = collector({
      kind: 'discord',
      channelId: '123',
      tokenEnv: 'BOT_TOKEN',
      apiBase: `${base}/api/v10`,
    });
    expect(await c.poll()).toEqual([]);
    expect(requests[0]?.url).toBe('/api/v10/channels/123/messages?limit=100');
    expect(requests[0]?.headers.authorization).toBe('Bot bot-token-for-tests');
    expect(c.health().healthy).toBe(true);
  });
});

describe('offline file sources', () => {
  it('replay a bundled feed: times shifted so three quarters are there at once, the newest released as time passes', async () => {
    const { DEFAULT_DATA_DIR } = await import('../cli.js');
    let clock = now;
    const c = createCollector(
      SourceSpec.parse({ kind: 'rss', name: 'nyt', file: `${DEFAULT_DATA_DIR}/rss-feeds/nytimes.xml` }),
      { log, env: {}, nowMs: () => clock },
    );
    const first = await c.poll();
    expect(first.length).toBeGreaterThanOrEqual(37);
    expect(first.length).toBeLessThan(50);
    expect(Math.max(...first.map((item) => item.publishedAtMs))).toBe(now);
    expect(await c.poll()).toEqual([]);
    clock += 6 * 3_600_000;
    const later = await c.poll();
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((item) => item.publishedAtMs > now && item.publishedAtMs <= clock)).toBe(true);
    clock += 10 * 86_400_000;
    const rest = await c.poll();
    expect(first.length + later.length + rest.length).toBe(50);
    expect(c.health()).toMatchObject({ healthy: true, skippedTotal: 0 });
  });
});
