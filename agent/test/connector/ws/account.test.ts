/**
 * The authenticated channels against the simulator: an order placed over signed REST shows up as
 * `order_update` (user_orders) and `fill` events with fixed-point values, a `position` event, and
 * ledger rows keyed by venue ids (one row per fill / order state, whatever the replays).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarketTicker, formatPriceDollars, priceE4 } from '@pt/protocol';
import { WS_LEDGER_SOURCE } from '../../../src/connectors/kalshi/ws/index.js';
import { FED_MARKET, startStreamHarness, until, type StreamHarness } from './stream-harness.js';

describe('KalshiStream account channels against the simulator', () => {
  let h: StreamHarness;

  beforeAll(async () => {
    h = await startStreamHarness({ sim: { balanceDollars: '1000.00' } });
    await h.stream.start();
    h.stream.subscribeMarkets([FED_MARKET]);
    await until(() => h.books.get(FED_MARKET)?.isQuotable === true, 15_000, 'quotable book');
    await until(() => h.stream.state().channels.fill.sid !== null, 10_000, 'fill subscription');
  }, 90_000);

  afterAll(async () => {
    await h?.close();
  });

  it('a crossing IOC buy → order_update + fill + position events and ledger rows', async () => {
    const ask = h.books.get(FED_MARKET)?.bestYesAsk();
    expect(ask).not.toBeNull();
    const askE4 = ask?.priceE4 ?? priceE4(0);
    const clientOrderId = `ws-test-${Date.now()}`;
    const fill = h.waitFor('fill', (e) => e.fill.clientOrderId === clientOrderId);
    const update = h.waitFor(
      'order_update',
      (e) => e.order.clientOrderId === clientOrderId && e.order.status === 'executed',
    );
    const position = h.waitFor('position', (e) => e.position.marketTicker === FED_MARKET);
    const created = await h.rest('POST', '/portfolio/events/orders', {
      ticker: FED_MARKET,
      client_order_id: clientOrderId,
      side: 'bid',
      count: '2.00',
      price: formatPriceDollars(askE4),
      time_in_force: 'immediate_or_cancel',
      self_trade_prevention_type: 'taker_at_cross',
    });
    expect(created.status).toBe(201);

    const f = (await fill).fill;
    expect(f).toMatchObject({ marketTicker: FED_MARKET, bookSide: 'bid', outcomeSide: 'yes', isTaker: true });
    expect(f.yesPriceE4).toBe(askE4);
    expect(f.countE2).toBe(200);
    expect(Number.isInteger(f.feeE6)).toBe(true);
    const o = (await update).order;
    expect(o).toMatchObject({ orderId: f.orderId, fillCountE2: 200, remainingCountE2: 0 });
    expect((await position).position.positionE2).toBeGreaterThanOrEqual(200);

    await until(
      () =>
        h.store.ledger
          .readByKind('kalshi.fill')
          .some((e) => e.sourceEventId === `fill:${f.tradeId}:${f.orderId}`),
      5_000,
      'fill ledgered',
    );
    const fills = h.store.ledger.readByKind('kalshi.fill').filter((e) => e.source === WS_LEDGER_SOURCE);
    expect(fills).toHaveLength(1);
    expect(fills[0]?.venueTsMs).toBe(f.tsMs);
    // Ledger appends are acknowledged asynchronously (write queue), each event in its own append:
    // the order row may commit in a later batch than the fill row.
    const orderRows = () =>
      h.store.ledger
        .readByKind('kalshi.user_order')
        .filter((e) => e.sourceEventId.startsWith(`order:${f.orderId}:`));
    await until(() => orderRows().length >= 1, 5_000, 'order update ledgered');
    expect(orderRows().length).toBeGreaterThanOrEqual(1);
    // The trade tape of the subscribed market is ledgered under the public trade id (a fill's own
    // `trade_id` is its fill id, Kalshi's legacy alias, so the match is by market, price and size).
    const tape = () =>
      h.store.ledger.readByKind('kalshi.trade').filter((e) => {
        const msg = e.payload as { market_ticker?: string; count_fp?: string; yes_price_dollars?: string };
        return (
          e.sourceEventId.startsWith('trade:') &&
          msg.market_ticker === FED_MARKET &&
          msg.count_fp === '2.00' &&
          msg.yes_price_dollars === formatPriceDollars(askE4)
        );
      });
    await until(() => tape().length >= 1, 5_000, 'trade ledgered');
    expect(h.contract.state().status).toBe('green');
  }, 60_000);

  it('market lifecycle (settle fault: close → determined → settled) → lifecycle events and ledger rows', async () => {
    const judy = MarketTicker.parse('KXFEDMENTION-26MAR-JUDY');
    const seen: string[] = [];
    const off = h.stream.onEvent((e) => {
      if (e.type === 'lifecycle' && e.lifecycle.marketTicker === judy) seen.push(e.lifecycle.eventType);
    });
    const determined = h.waitFor(
      'lifecycle',
      (e) => e.lifecycle.marketTicker === judy && e.lifecycle.eventType === 'determined',
    );
    expect((await h.sim.admin('/faults/settle', { ticker: judy, result: 'no' })).status).toBe(200);
    await determined;
    await until(
      () =>
        h.store.ledger.readByKind('kalshi.market_lifecycle_v2').filter((e) => e.sourceEventId.includes(judy))
          .length >= seen.length,
      5_000,
      'lifecycle ledgered',
    );
    off();
    const rows = h.store.ledger
      .readByKind('kalshi.market_lifecycle_v2')
      .filter((e) => e.sourceEventId.includes(judy));
    expect(rows.length).toBe(new Set(rows.map((r) => r.sourceEventId)).size);
    expect(rows.map((r) => r.sourceEventId.split(':')[2])).toEqual(expect.arrayContaining(['determined']));
  }, 60_000);
});
