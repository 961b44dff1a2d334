import { describe, expect, it } from 'vitest';
import {
  CreateOrderV2Response,
  ErrorEnvelope,
  GetBalanceResponse,
  GetFillsResponse,
  GetOrdersResponse,
  GetPositionsResponse,
  GetSettlementsResponse,
} from './schemas.js';
import { buildPortfolioApp, EVENT_TICKER, orderBody, TICKER } from './test-app.js';

/** Alice buys 4 YES at 0.56 from Bob (Bob's ask crosses Alice's resting bid). */
async function tradeOnce(app: ReturnType<typeof buildPortfolioApp>) {
  const bid = await app.call(
    'alice',
    'POST',
    '/portfolio/events/orders',
    orderBody({ price: '0.56', count: '10' }),
  );
  app.clock.shiftMs(1_000);
  await app.call(
    'bob',
    'POST',
    '/portfolio/events/orders',
    orderBody({ side: 'ask', price: '0.56', count: '4', time_in_force: 'fill_or_kill' }),
  );
  return CreateOrderV2Response.parse(bid.json).order_id;
}

describe('portfolio reads', () => {
  it('balance: integer cents plus balance_dollars, resting collateral moves to portfolio_value', async () => {
    const app = buildPortfolioApp();
    const before = GetBalanceResponse.parse((await app.call('alice', 'GET', '/portfolio/balance')).json);
    expect(before).toMatchObject({ balance: 100_000, balance_dollars: '1000.0000', portfolio_value: 0 });
    await app.call('alice', 'POST', '/portfolio/events/orders', orderBody({ price: '0.56', count: '10' }));
    const after = GetBalanceResponse.parse((await app.call('alice', 'GET', '/portfolio/balance')).json);
    // $5.60 of collateral (plus any reserved worst-case fee) is no longer available.
    expect(after.balance).toBeLessThanOrEqual(100_000 - 560);
    expect(after.balance + after.portfolio_value).toBeLessThanOrEqual(100_000);
    expect(after.portfolio_value).toBeGreaterThanOrEqual(560);
  });

  it('positions: signed position_fp for both sides, exposure and an event roll-up', async () => {
    const app = buildPortfolioApp();
    await tradeOnce(app);
    const alice = GetPositionsResponse.parse((await app.call('alice', 'GET', '/portfolio/positions')).json);
    expect(alice.market_positions).toEqual([
      expect.objectContaining({ ticker: TICKER, position_fp: '4.00', market_exposure_dollars: '2.240000' }),
    ]);
    expect(alice.event_positions[0]).toMatchObject({
      event_ticker: EVENT_TICKER,
      event_exposure_dollars: '2.240000',
    });
    expect(alice.cursor).toBe('');
    const bob = GetPositionsResponse.parse((await app.call('bob', 'GET', '/portfolio/positions')).json);
    expect(bob.market_positions[0]).toMatchObject({
      position_fp: '-4.00',
      market_exposure_dollars: '1.760000',
    });
    expect(Number(bob.market_positions[0]?.fees_paid_dollars)).toBeGreaterThan(0);
  });

  it('orders: newest first, filters, cursor pagination ending with an empty cursor', async () => {
    const app = buildPortfolioApp();
    const ids: string[] = [];
    for (const price of ['0.30', '0.31', '0.32']) {
      const res = await app.call('alice', 'POST', '/portfolio/events/orders', orderBody({ price }));
      ids.push(CreateOrderV2Response.parse(res.json).order_id);
      app.clock.shiftMs(1_000);
    }
    await app.call('alice', 'DELETE', `/portfolio/events/orders/${ids[0] ?? ''}`);
    const seen: string[] = [];
    let cursor = '';
    do {
      const page = GetOrdersResponse.parse(
        (await app.call('alice', 'GET', `/portfolio/orders?limit=2${cursor ? `&cursor=${cursor}` : ''}`))
          .json,
      );
      seen.push(...page.orders.map((o) => o.order_id));
      cursor = page.cursor;
    } while (cursor !== '');
    expect(seen).toEqual([...ids].reverse());
    const resting = GetOrdersResponse.parse(
      (await app.call('alice', 'GET', '/portfolio/orders?status=resting')).json,
    );
    expect(resting.orders.map((o) => o.order_id)).toEqual([ids[2], ids[1]]);
    const byEvent = GetOrdersResponse.parse(
      (await app.call('alice', 'GET', `/portfolio/orders?event_ticker=X,${EVENT_TICKER}`)).json,
    );
    expect(byEvent.orders).toHaveLength(3);
    expect((await app.call('bob', 'GET', '/portfolio/orders')).json).toEqual({ orders: [], cursor: '' });
    expect((await app.call('alice', 'GET', '/portfolio/orders?cursor=garbage')).status).toBe(400);
    expect((await app.call('alice', 'GET', '/portfolio/orders?limit=1001')).status).toBe(400);
    const badStatus = await app.call('alice', 'GET', '/portfolio/orders?status=open');
    expect(ErrorEnvelope.parse(badStatus.json).error).toMatchObject({ code: 'bad_request' });
    expect(ErrorEnvelope.parse(badStatus.json).error.details).toContain('status');
  });

  it('fills: both sides of one match with taker flag, fee and legacy aliases', async () => {
    const app = buildPortfolioApp();
    const orderId = await tradeOnce(app);
    const alice = GetFillsResponse.parse((await app.call('alice', 'GET', '/portfolio/fills')).json);
    expect(alice.fills).toEqual([
      expect.objectContaining({
        order_id: orderId,
        book_side: 'bid',
        outcome_side: 'yes',
        count_fp: '4.00',
        yes_price_dollars: '0.5600',
        no_price_dollars: '0.4400',
        is_taker: false,
      }),
    ]);
    const bob = GetFillsResponse.parse(
      (await app.call('bob', 'GET', `/portfolio/fills?ticker=${TICKER}`)).json,
    );
    expect(bob.fills[0]).toMatchObject({ book_side: 'ask', outcome_side: 'no', is_taker: true });
    const none = GetFillsResponse.parse(
      (await app.call('alice', 'GET', '/portfolio/fills?order_id=other')).json,
    );
    expect(none.fills).toEqual([]);
  });

  it('settlements: mixed units after the market settles YES', async () => {
    const app = buildPortfolioApp();
    await tradeOnce(app);
    expect(app.exchange.closeMarket(TICKER).ok).toBe(true);
    expect(app.exchange.determineMarket(TICKER, 'yes').ok).toBe(true);
    expect(app.exchange.settleMarket(TICKER).ok).toBe(true);
    const alice = GetSettlementsResponse.parse(
      (await app.call('alice', 'GET', '/portfolio/settlements')).json,
    );
    expect(alice.settlements[0]).toMatchObject({
      ticker: TICKER,
      event_ticker: EVENT_TICKER,
      market_result: 'yes',
      yes_count_fp: '4.00',
      revenue: 400,
      value: 100,
    });
    const positions = GetPositionsResponse.parse(
      (await app.call('alice', 'GET', '/portfolio/positions')).json,
    );
    expect(positions.market_positions).toEqual([]);
  });

  it('requires a signature on every portfolio path', async () => {
    const app = buildPortfolioApp();
    for (const path of [
      '/portfolio/balance',
      '/portfolio/orders',
      '/portfolio/positions',
      '/portfolio/fills',
    ]) {
      const res = await app.app.request(`/trade-api/v2${path}`);
      expect(res.status).toBe(401);
      expect(ErrorEnvelope.parse(await res.json()).error.code).toBe('authentication_error');
    }
  });
});
