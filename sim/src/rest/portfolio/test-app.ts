import { Hono } from 'hono';
import { kalshiAuth } from '../../auth/middleware.js';
import { KeyRegistry } from '../../auth/key-registry.js';
import { signRequest } from '../../auth/sign-request.js';
import { makeTestKey, type TestKey } from '../../auth/test-keys.js';
import { Exchange, priceRangesForStructure } from '../../engine/index.js';
import { ExchangeSchedule } from '../../exchange/schedule.js';
import { portfolioRoutes } from './index.js';

/** A real market from shared/data/kalshi-markets/KXFEDMENTION-26MAR_markets_data.json. */
export const TICKER = 'KXFEDMENTION-26MAR-JUDY';
export const EVENT_TICKER = 'KXFEDMENTION-26MAR';
const keysByUser: Record<string, TestKey> = {
  alice: makeTestKey('key-alice', 'alice'),
  bob: makeTestKey('key-bob', 'bob'),
};

/** Engine + portfolio routes behind `/trade-api/v2`, signed calls per user, injected clock. */
export function buildPortfolioApp(startIso = '2026-11-25T15:00:00Z') {
  let nowMs = Date.parse(startIso);
  const clock = { nowMs: () => nowMs, shiftMs: (deltaMs: number) => void (nowMs += deltaMs) };
  const exchange = new Exchange({ clock: () => nowMs, seed: 7 });
  const ranges = priceRangesForStructure('linear_cent') ?? [];
  exchange.addMarket({
    ticker: TICKER,
    eventTicker: EVENT_TICKER,
    seriesTicker: 'KXFEDMENTION',
    priceLevelStructure: 'linear_cent',
    priceRanges: ranges,
    fee: { feeType: 'quadratic', multiplierE4: 10_000 },
  });
  for (const userId of Object.keys(keysByUser)) exchange.deposit(userId, 1_000_000_000); // $1,000
  const ctx = {
    exchange,
    clock,
    keys: new KeyRegistry(Object.values(keysByUser).map((k) => k.entry)),
    schedule: new ExchangeSchedule(),
  };
  const api = new Hono();
  api.use('/portfolio/*', kalshiAuth(ctx));
  api.route('/', portfolioRoutes(ctx));
  const app = new Hono();
  app.route('/trade-api/v2', api);

  async function call(user: string, method: string, apiPathWithQuery: string, body?: unknown) {
    const key = keysByUser[user];
    if (!key) throw new Error(`no test key for ${user}`);
    const path = `/trade-api/v2${apiPathWithQuery}`;
    const res = await app.request(path, {
      method,
      headers: {
        ...signRequest(key.entry.key_id, key.privateKey, method, path, nowMs),
        'content-type': 'application/json',
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    const json: unknown = text === '' ? undefined : JSON.parse(text);
    return { status: res.status, json };
  }
  return { app, ctx, exchange, clock, call, setNow: (iso: string) => (nowMs = Date.parse(iso)) };
}

/** A valid V2 create body; override any field. */
export function orderBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ticker: TICKER,
    side: 'bid',
    count: '10',
    price: '0.56',
    time_in_force: 'good_till_canceled',
    self_trade_prevention_type: 'taker_at_cross',
    ...overrides,
  };
}
