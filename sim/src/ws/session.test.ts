import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { makeTestSim } from '../server/test-context.js';
import { WsHub } from './hub.js';
import { serverFrameSchema } from './schemas.js';
import { WsSession } from './session.js';

/** A socket stand-in that records what the session sends (the real ws is in sim/test). */
function fakeSocket() {
  const sent: Record<string, unknown>[] = [];
  const socket = {
    bufferedAmount: 0,
    send: (text: string) => sent.push(JSON.parse(text) as Record<string, unknown>),
  };
  return { sent, ws: socket as unknown as WebSocket };
}

function setup() {
  const sim = makeTestSim();
  const hub = new WsHub(sim.world.exchange, () => sim.ctx.clock.nowMs());
  sim.world.exchange.subscribe((e) => hub.onEngineEvent(e));
  const { sent, ws } = fakeSocket();
  const session = new WsSession(ws, 'user-1', {
    exchange: sim.world.exchange,
    faults: sim.ctx.faults,
    log: sim.world.log,
    isKnownMarket: (t) => sim.market.catalog.markets.has(t),
    nowMs: () => sim.ctx.clock.nowMs(),
  });
  hub.sessions.add(session);
  // A string is sent as-is (to test unparseable input); anything else as JSON.
  const send = (cmd: unknown) => session.handleMessage(typeof cmd === 'string' ? cmd : JSON.stringify(cmd));
  return { sim, session, sent, send };
}

const T = 'KXHIGHNY-26JAN01-B34.5';

describe('WsSession commands', () => {
  it('orderbook_delta: subscribed, snapshot, then deltas with consecutive per-sid seq', () => {
    const { sim, sent, send } = setup();
    send({ id: 1, cmd: 'subscribe', params: { channels: ['orderbook_delta'], market_tickers: [T] } });
    expect(sent[0]).toEqual({ id: 1, type: 'subscribed', msg: { channel: 'orderbook_delta', sid: 1 } });
    expect(sent[1]).toMatchObject({ type: 'orderbook_snapshot', sid: 1, seq: 1 });
    sim.world.exchange.placeOrder('tape', {
      ticker: T,
      side: 'bid',
      priceE4: 100,
      countE2: 100,
      timeInForce: 'good_till_canceled',
      selfTradePrevention: 'maker',
    });
    expect(sent[2]).toMatchObject({
      type: 'orderbook_delta',
      sid: 1,
      seq: 2,
      msg: { market_ticker: T, side: 'yes', price_dollars: '0.0100', delta_fp: '1.00' },
    });
    for (const frame of sent) expect(serverFrameSchema.safeParse(frame).error).toBeUndefined();
  });

  it('own orders carry client_order_id on deltas; other users do not see it', () => {
    const { sim, sent, send } = setup();
    send({ id: 1, cmd: 'subscribe', params: { channels: ['orderbook_delta'], market_tickers: [T] } });
    sim.world.exchange.deposit('user-1', 1_000_000_000);
    sim.world.exchange.placeOrder('user-1', {
      ticker: T,
      side: 'bid',
      priceE4: 100,
      countE2: 100,
      timeInForce: 'good_till_canceled',
      selfTradePrevention: 'maker',
      clientOrderId: 'mine-1',
    });
    sim.world.exchange.placeOrder('tape', {
      ticker: T,
      side: 'bid',
      priceE4: 100,
      countE2: 100,
      timeInForce: 'good_till_canceled',
      selfTradePrevention: 'maker',
      clientOrderId: 'theirs-1',
    });
    const deltas = sent
      .filter((f) => f.type === 'orderbook_delta')
      .map((f) => f.msg as Record<string, unknown>);
    expect(deltas[0]).toMatchObject({ client_order_id: 'mine-1', subaccount: 0 });
    expect(deltas[1]?.client_order_id).toBeUndefined();
  });

  it('order_group_updates and market_lifecycle_v2 carry per-sid seq', () => {
    const { sim, sent, send } = setup();
    send({ id: 1, cmd: 'subscribe', params: { channels: ['order_group_updates', 'market_lifecycle_v2'] } });
    sim.world.exchange.deposit('user-1', 1_000_000_000);
    const group = sim.world.exchange.createOrderGroup('user-1', 1000);
    expect(group.ok).toBe(true);
    sim.world.exchange.createOrderGroup('tape', 1000);
    sim.world.exchange.determineMarket(T, 'yes');
    const groups = sent.filter((f) => f.type === 'order_group_updates');
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      sid: 1,
      seq: 1,
      msg: { event_type: 'created', contracts_limit_fp: '10.00' },
    });
    const lifecycle = sent.filter((f) => f.type === 'market_lifecycle_v2');
    expect(lifecycle.map((f) => f.seq)).toEqual(lifecycle.map((_, i) => i + 1));
    expect(lifecycle.at(-1)).toMatchObject({
      sid: 2,
      msg: { market_ticker: T, event_type: 'determined', result: 'yes' },
    });
    for (const frame of sent) expect(serverFrameSchema.safeParse(frame).error).toBeUndefined();
  });

  it('seq-gap fault skips exactly one seq on the next frame', () => {
    const { sim, sent, send } = setup();
    send({ id: 1, cmd: 'subscribe', params: { channels: ['orderbook_delta'], market_ticker: T } });
    sim.ctx.faults.armSeqGap();
    sim.world.exchange.placeOrder('tape', {
      ticker: T,
      side: 'bid',
      priceE4: 100,
      countE2: 100,
      timeInForce: 'good_till_canceled',
      selfTradePrevention: 'maker',
    });
    sim.world.exchange.placeOrder('tape', {
      ticker: T,
      side: 'bid',
      priceE4: 100,
      countE2: 100,
      timeInForce: 'good_till_canceled',
      selfTradePrevention: 'maker',
    });
    expect(sent.slice(1).map((f) => f.seq)).toEqual([1, 3, 4]);
  });

  it('use_yes_price reports NO levels on the YES scale', () => {
    const { sent, send } = setup();
    send({
      id: 1,
      cmd: 'subscribe',
      params: { channels: ['orderbook_delta'], market_tickers: [T], use_yes_price: true },
    });
    send({ id: 2, cmd: 'subscribe', params: { channels: ['trade'], market_tickers: [T] } });
    const snapshot = sent[1] as { msg: { no_dollars_fp: [string, string][] } };
    const second = setup();
    second.send({ id: 1, cmd: 'subscribe', params: { channels: ['orderbook_delta'], market_tickers: [T] } });
    const plain = second.sent[1] as { msg: { no_dollars_fp: [string, string][] } };
    const asYes = plain.msg.no_dollars_fp.map(([p, c]) => [(1 - Number(p)).toFixed(4), c]).reverse();
    expect(snapshot.msg.no_dollars_fp).toEqual(asYes);
  });

  it('list, update (add/delete/get_snapshot) and unsubscribe', () => {
    const { sent, send } = setup();
    send({
      id: 1,
      cmd: 'subscribe',
      params: { channels: ['orderbook_delta', 'ticker'], market_tickers: [T] },
    });
    expect(sent.filter((f) => f.type === 'subscribed').map((f) => f.msg)).toEqual([
      { channel: 'orderbook_delta', sid: 1 },
      { channel: 'ticker', sid: 2 },
    ]);
    sent.length = 0;
    send({ id: 2, cmd: 'list_subscriptions' });
    expect(sent[0]).toEqual({
      id: 2,
      type: 'ok',
      msg: [
        { channel: 'orderbook_delta', sid: 1 },
        { channel: 'ticker', sid: 2 },
      ],
    });
    send({
      id: 3,
      cmd: 'update_subscription',
      params: { sids: [1], market_tickers: ['KXHIGHNY-26JAN01-T30'], action: 'add_markets' },
    });
    expect(sent[1]).toMatchObject({
      type: 'orderbook_snapshot',
      sid: 1,
      seq: 2,
      msg: { market_ticker: 'KXHIGHNY-26JAN01-T30' },
    });
    expect(sent[2]).toMatchObject({
      id: 3,
      sid: 1,
      seq: 3,
      type: 'ok',
      msg: { market_tickers: [T, 'KXHIGHNY-26JAN01-T30'] },
    });
    send({
      id: 4,
      cmd: 'update_subscription',
      params: { sid: 1, market_tickers: [T], action: 'get_snapshot' },
    });
    expect(sent[3]).toMatchObject({ id: 4, type: 'orderbook_snapshot', sid: 1, seq: 4 });
    send({
      id: 5,
      cmd: 'update_subscription',
      params: { sid: 1, market_tickers: [T], action: 'delete_markets' },
    });
    expect(sent[4]).toMatchObject({ id: 5, type: 'ok', msg: { market_tickers: ['KXHIGHNY-26JAN01-T30'] } });
    send({ id: 6, cmd: 'unsubscribe', params: { sids: [1, 2] } });
    expect(sent.slice(5)).toEqual([
      { id: 6, sid: 1, seq: 6, type: 'unsubscribed' },
      { id: 6, sid: 2, seq: 1, type: 'unsubscribed' },
    ]);
  });

  it('error frames carry the documented codes', () => {
    const { sent, send } = setup();
    const cases: [unknown, number][] = [
      [{ id: 1, cmd: 'subscribe' }, 2],
      [{ id: 2, cmd: 'subscribe', params: { channels: [] } }, 3],
      [{ id: 3, cmd: 'unsubscribe', params: {} }, 4],
      [{ id: 4, cmd: 'dance' }, 5],
      [{ id: 5, cmd: 'unsubscribe', params: { sids: [99] } }, 7],
      [{ id: 6, cmd: 'subscribe', params: { channels: ['ticker_v2'] } }, 8],
      [{ id: 7, cmd: 'update_subscription', params: { sids: [1, 2], action: 'add_markets' } }, 12],
      [{ id: 8, cmd: 'subscribe', params: { channels: ['orderbook_delta'] } }, 14],
    ];
    for (const [cmd, code] of cases) {
      sent.length = 0;
      send(cmd);
      expect(sent[0], JSON.stringify(cmd)).toMatchObject({ type: 'error', msg: { code } });
    }
    sent.length = 0;
    send({ id: 9, cmd: 'subscribe', params: { channels: ['fill'] } });
    send({ id: 10, cmd: 'update_subscription', params: { sid: 1, market_tickers: [T] } });
    expect(sent[1]).toMatchObject({ id: 10, type: 'error', msg: { code: 15 } });
    send({ id: 11, cmd: 'update_subscription', params: { sid: 1, market_tickers: [T], action: 'explode' } });
    expect(sent[2]).toMatchObject({ type: 'error', msg: { code: 13 } });
    sent.length = 0;
    send('{not json');
    expect(sent[0]).toMatchObject({ type: 'error', msg: { code: 1 } });
  });

  it('ticker send_initial_snapshot sends the current ticker without seq', () => {
    const { sent, send } = setup();
    send({
      id: 1,
      cmd: 'subscribe',
      params: { channels: ['ticker'], market_tickers: [T], send_initial_snapshot: true },
    });
    expect(sent[1]).toMatchObject({ type: 'ticker', sid: 1, msg: { market_ticker: T } });
    expect(sent[1]?.seq).toBeUndefined();
  });

  it('silent stall withholds data frames but still answers commands', () => {
    const { sim, sent, send } = setup();
    send({ id: 1, cmd: 'subscribe', params: { channels: ['orderbook_delta'], market_tickers: [T] } });
    sim.ctx.faults.isWsStalled = true;
    sent.length = 0;
    sim.world.exchange.placeOrder('tape', {
      ticker: T,
      side: 'bid',
      priceE4: 100,
      countE2: 100,
      timeInForce: 'good_till_canceled',
      selfTradePrevention: 'maker',
    });
    expect(sent).toEqual([]);
    send({ id: 2, cmd: 'list_subscriptions' });
    expect(sent).toHaveLength(1);
  });

  it('user channels only see their own user', () => {
    const { sim, sent, send } = setup();
    send({ id: 1, cmd: 'subscribe', params: { channels: ['fill', 'user_orders', 'market_positions'] } });
    sent.length = 0;
    sim.world.exchange.placeOrder('tape', {
      ticker: T,
      side: 'bid',
      priceE4: 9900,
      countE2: 100,
      timeInForce: 'immediate_or_cancel',
      selfTradePrevention: 'maker',
    });
    expect(sent).toEqual([]);
    sim.world.exchange.deposit('user-1', 1_000_000_000);
    sim.world.exchange.placeOrder('user-1', {
      ticker: T,
      side: 'bid',
      priceE4: 9900,
      countE2: 100,
      timeInForce: 'immediate_or_cancel',
      selfTradePrevention: 'maker',
    });
    const types = sent.map((f) => f.type);
    expect(types).toContain('fill');
    expect(types).toContain('user_order');
    expect(types).toContain('market_position');
    for (const frame of sent) expect(serverFrameSchema.safeParse(frame).error).toBeUndefined();
    expect(sent.every((f) => f.seq === undefined)).toBe(true);
  });
});
