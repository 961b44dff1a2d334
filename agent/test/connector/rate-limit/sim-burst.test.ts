/**
 * Against the real simulator (Basic tier: read 200/s, burst 600; write 100/s, burst 100), a burst
 * of signed reads and writes fired all at once through the limiter gets zero 429s and every
 * request completes. The sim's queue delays some requests by 100+ ms and not others, so this
 * only passes because the limiter tracks requests in flight (`onSettled`, token-bucket.ts): with
 * grant-time accounting alone the same burst drew 429s. A control burst of the same reads without the limiter does get 429s, so the
 * sim really enforces the buckets and the first assertion can fail.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { signKalshiRequest } from '../../../src/connectors/kalshi/http/index.js';
import { EndpointCostTable, TokenBucketLimiter } from '../../../src/connectors/kalshi/rate-limit/index.js';
import type { RequestPriority } from '../../../src/connectors/kalshi/rate-limit/index.js';
import { startSimVenue } from '../../helpers/sim-venue.js';
import type { SimVenue } from '../../helpers/sim-venue.js';

let venue: SimVenue;
beforeAll(async () => {
  venue = await startSimVenue({ tier: 'basic' });
});
afterAll(async () => {
  await venue.stop();
});

const API_PREFIX = '/trade-api/v2';

/** One signed request, sent as soon as the limiter grants it (or right away without one). */
async function send(
  limiter: TokenBucketLimiter | null,
  method: string,
  apiPath: string,
  priority: RequestPriority,
  body?: unknown,
): Promise<Response> {
  const request = { ...new EndpointCostTable().charge(method, apiPath), priority };
  if (limiter !== null) await limiter.acquire(request);
  try {
    return await signedFetch(method, apiPath, body);
  } finally {
    // The answer is in (or the request failed): the venue has charged it.
    limiter?.onSettled(request);
  }
}

async function signedFetch(method: string, apiPath: string, body: unknown): Promise<Response> {
  const headers = signKalshiRequest(
    { keyId: venue.keyId, privateKey: venue.privateKey },
    method,
    API_PREFIX + apiPath,
    Date.now(),
  );
  return fetch(venue.rest + apiPath, {
    method,
    headers: { ...headers, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const LimitsBody = z.object({
  read: z.object({ refill_rate: z.int().positive(), bucket_capacity: z.int().positive() }),
  write: z.object({ refill_rate: z.int().positive(), bucket_capacity: z.int().positive() }),
});
const MarketsBody = z.object({
  markets: z.array(z.looseObject({ ticker: z.string(), status: z.string(), yes_ask_dollars: z.string() })),
});
const CreatedBody = z.looseObject({ order_id: z.string().min(1) });

describe('TokenBucketLimiter against the simulator (Basic tier)', () => {
  it('sends a burst of 120 reads, 30 creates and 30 cancels with zero 429s, losing none', async () => {
    const limiter = new TokenBucketLimiter();
    const limits = LimitsBody.parse(await (await send(limiter, 'GET', '/account/limits', 'read')).json());
    limiter.configure({
      read: { refillPerSecond: limits.read.refill_rate, capacity: limits.read.bucket_capacity },
      write: { refillPerSecond: limits.write.refill_rate, capacity: limits.write.bucket_capacity },
    });
    const markets = MarketsBody.parse(
      await (await send(limiter, 'GET', '/markets?limit=200', 'read')).json(),
    );
    // A market whose YES ask is well above 1¢, so a 1¢ YES bid rests and can be cancelled.
    const market = markets.markets.find((m) => m.status === 'active' && Number(m.yes_ask_dollars) >= 0.1);
    expect(market).toBeDefined();
    const ticker = market?.ticker ?? '';

    const reads = Array.from({ length: 120 }, (_, i) =>
      send(limiter, 'GET', i % 2 === 0 ? '/portfolio/balance' : `/markets/${ticker}`, 'read'),
    );
    const creates = Array.from({ length: 30 }, () =>
      send(limiter, 'POST', '/portfolio/events/orders', 'order', {
        ticker,
        client_order_id: randomUUID(),
        side: 'bid',
        count: '1.00',
        price: '0.0100',
        time_in_force: 'good_till_canceled',
        self_trade_prevention_type: 'taker_at_cross',
      }),
    );
    const cancels = creates.map(async (created) => {
      const response = await created;
      const text = await response.clone().text();
      const parsed = CreatedBody.safeParse(JSON.parse(text));
      if (!parsed.success) throw new Error(`create answered ${response.status}: ${text}`);
      const orderId = parsed.data.order_id;
      return send(limiter, 'DELETE', `/portfolio/events/orders/${orderId}`, 'cancel');
    });
    const all = await Promise.all([...reads, ...creates, ...cancels]);

    const statuses = all.map((response) => response.status);
    expect(statuses.filter((status) => status === 429)).toEqual([]);
    expect(limiter.rateLimitedTotal).toBe(0);
    expect(all).toHaveLength(180);
    expect(statuses.slice(0, 120).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(120, 150).every((status) => status === 201 || status === 200)).toBe(true);
    expect(statuses.slice(150).every((status) => status === 200)).toBe(true);
    expect(limiter.budget().read.waiting + limiter.budget().write.waiting).toBe(0);
  });

  it('control: the same read burst without the limiter is throttled by the sim', async () => {
    const all = await Promise.all(
      Array.from({ length: 120 }, () => send(null, 'GET', '/portfolio/balance', 'read')),
    );
    expect(all.filter((response) => response.status === 429).length).toBeGreaterThan(0);
  });
});
