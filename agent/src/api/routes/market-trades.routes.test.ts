/**
 * The trades route's cache and venue handling with a counting venue port (the real connector and
 * simulator are exercised in agent/test/e2e/market-trades.test.ts): many requests within the TTL
 * share one venue read, a new venue or an expired entry reads again, a failed read is not cached,
 * the cache is bounded, and no venue is a 503 with the project's error body.
 */
import { ErrorBody, MarketTradesPage } from '@pt/protocol';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { KalshiHttp } from '../../connectors/kalshi/http/index.js';
import { createApp } from '../app.js';
import { marketTradesRoutes } from './market-trades.routes.js';
import type { MarketTradesVenue } from './market-trades.routes.js';

const TICKER = 'KXHIGHNY-25NOV25-B58.5';

function countingVenue(
  failFirst = false,
): MarketTradesVenue & { calls: Parameters<KalshiHttp['getTrades']>[0][] } {
  const calls: Parameters<KalshiHttp['getTrades']>[0][] = [];
  return {
    calls,
    http: {
      getTrades: (q) => {
        calls.push(q);
        if (failFirst && calls.length === 1) return Promise.reject(new Error('venue down'));
        return Promise.resolve({
          items: [
            {
              tradeId: 'f851595a-6d92-424e-09f8-0d2669de70ae',
              ticker: q?.ticker ?? TICKER,
              countE2: 300,
              yesPriceE4: 5_600,
              noPriceE4: 4_400,
              takerOutcomeSide: 'no',
              takerBookSide: 'ask',
              createdAtMs: 1_764_000_000_000,
            },
          ],
          cursor: 'next-page',
        }) as ReturnType<KalshiHttp['getTrades']>;
      },
    },
  };
}

function appWith(venue: () => MarketTradesVenue | null, clock: { now: number }, maxEntries?: number) {
  return createApp({
    logger: pino({ level: 'silent' }),
    health: () => ({ status: 'ok', version: '0.0.0', protocolVersion: 1, environment: 'sim' }),
    protectedApi: {
      authenticate: async (_c, next) => next(),
      routes: [
        marketTradesRoutes({
          venue,
          nowMs: () => clock.now,
          cacheMs: 2_000,
          ...(maxEntries ? { maxEntries } : {}),
        }),
      ],
    },
  });
}

describe('GET /v1/markets/:ticker/trades', () => {
  it('maps the venue’s prints and shares one venue read among requests within the TTL', async () => {
    const venue = countingVenue();
    const clock = { now: 1_000 };
    const app = appWith(() => venue, clock);
    const pages = await Promise.all(
      Array.from({ length: 20 }, async () =>
        MarketTradesPage.parse(await (await app.request(`/v1/markets/${TICKER}/trades`)).json()),
      ),
    );
    expect(venue.calls).toEqual([{ ticker: TICKER, limit: 200 }]);
    expect(pages[0]).toEqual({
      ticker: TICKER,
      trades: [
        {
          tradeId: 'f851595a-6d92-424e-09f8-0d2669de70ae',
          yesPriceE4: 5_600,
          countE2: 300,
          takerSide: 'no',
          executedAtMs: 1_764_000_000_000,
        },
      ],
      nextCursor: 'next-page',
      asOfMs: 1_000,
    });
    clock.now += 2_001;
    await app.request(`/v1/markets/${TICKER}/trades`);
    expect(venue.calls).toHaveLength(2);
    await app.request(`/v1/markets/${TICKER}/trades?limit=5&cursor=next-page`);
    expect(venue.calls.at(-1)).toEqual({ ticker: TICKER, limit: 5, cursor: 'next-page' });
  });

  it('reads again after a failed read and when the venue changes', async () => {
    const clock = { now: 0 };
    let venue = countingVenue(true);
    const app = appWith(() => venue, clock);
    expect((await app.request(`/v1/markets/${TICKER}/trades`)).status).toBe(500);
    expect((await app.request(`/v1/markets/${TICKER}/trades`)).status).toBe(200);
    expect(venue.calls).toHaveLength(2);
    venue = countingVenue();
    expect((await app.request(`/v1/markets/${TICKER}/trades`)).status).toBe(200);
    expect(venue.calls).toHaveLength(1);
  });

  it('keeps at most maxEntries pages, dropping the oldest read', async () => {
    const venue = countingVenue();
    const app = appWith(() => venue, { now: 0 }, 2);
    for (const t of ['A-1', 'A-2', 'A-3', 'A-1']) await app.request(`/v1/markets/${t}/trades`);
    expect(venue.calls.map((q) => q?.ticker)).toEqual(['A-1', 'A-2', 'A-3', 'A-1']);
  });

  it('is 503 VENUE_UNAVAILABLE with no venue, after checking the ticker', async () => {
    const app = appWith(() => null, { now: 0 });
    const res = await app.request(`/v1/markets/${TICKER}/trades`);
    expect(res.status).toBe(503);
    expect(ErrorBody.parse(await res.json())).toMatchObject({ code: 'VENUE_UNAVAILABLE', retryable: true });
    const bad = await app.request('/v1/markets/x%2Fy/trades');
    expect(bad.status).toBe(422);
    expect(ErrorBody.parse(await bad.json()).details?.['field']).toBe('ticker');
  });
});
