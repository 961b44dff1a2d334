import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarketTicker } from '@pt/protocol';
import { openStore, type Store } from '../../../store/index.js';
import { BookRegistry } from '../book/index.js';
import { ContractMonitor } from '../contract/contract-monitor.js';
import { FrameHandler } from './frame-handler.js';
import { LedgerSink } from './ledger-sink.js';
import { DEFAULT_LIVENESS, LivenessTracker } from './liveness.js';
import { SeqTracker } from './seq-tracker.js';
import { Subscriptions, type WsCommand } from './subscriptions.js';

/** Commands without their (sequential) ids, for comparison. */
function withoutIds(commands: readonly WsCommand[]): Omit<WsCommand, 'id'>[] {
  return commands.map(({ id: _id, ...rest }) => rest);
}
import { STREAM_CHANNELS, type StreamEvent } from './types.js';

const A = MarketTicker.parse('KXHIGHNY-26JAN01-T37');
const B = MarketTicker.parse('KXHIGHNY-26JAN01-B36.5');
const BOOK_SID = 5;

interface World {
  handler: FrameHandler;
  subs: Subscriptions;
  books: BookRegistry;
  contract: ContractMonitor;
  ledger: LedgerSink;
  store: Store;
  sent: WsCommand[];
  events: StreamEvent[];
  answered: number[];
  nowMs: { value: number };
}

const snapshot = (seq: number, ticker: string, id?: number): string =>
  JSON.stringify({
    type: 'orderbook_snapshot',
    sid: BOOK_SID,
    seq,
    ...(id === undefined ? {} : { id }),
    msg: {
      market_ticker: ticker,
      market_id: 'm',
      yes_dollars_fp: [['0.4000', '10.00']],
      no_dollars_fp: [['0.5500', '7.50']],
    },
  });
const delta = (seq: number, ticker: string, price: string, fp: string, side = 'yes'): string =>
  JSON.stringify({
    type: 'orderbook_delta',
    sid: BOOK_SID,
    seq,
    msg: { market_ticker: ticker, market_id: 'm', price_dollars: price, delta_fp: fp, side, ts_ms: 1 },
  });

describe('FrameHandler', () => {
  let w: World;
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pt-ws-handler-'));
    const logger = pino({ level: 'silent' });
    const store = openStore({ dataDir: dir, environment: 'sim', logger });
    const sent: WsCommand[] = [];
    const subs = new Subscriptions(STREAM_CHANNELS, (c) => sent.push(c));
    subs.wanted.add(A);
    subs.wanted.add(B);
    const nowMs = { value: 1_000_000 };
    const books = new BookRegistry();
    const contract = new ContractMonitor();
    const ledger = new LedgerSink(store.ledger, logger);
    const events: StreamEvent[] = [];
    const answered: number[] = [];
    const liveness = new LivenessTracker(DEFAULT_LIVENESS);
    const handler = new FrameHandler({
      subs,
      seq: new SeqTracker(),
      books,
      liveness,
      ledger,
      contract,
      logger,
      nowMs: () => nowMs.value,
      emit: (e) => events.push(e),
      onSubscribeAnswered: (id) => answered.push(id),
    });
    subs.syncAll();
    const bookCmd = sent.find((c) => JSON.stringify(c.params['channels']) === '["orderbook_delta"]');
    handler.handle(
      JSON.stringify({
        id: bookCmd?.id,
        type: 'subscribed',
        msg: { channel: 'orderbook_delta', sid: BOOK_SID },
      }),
    );
    sent.length = 0;
    w = { handler, subs, books, contract, ledger, store, sent, events, answered, nowMs };
  });

  afterEach(async () => {
    w.handler.reset();
    await w.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('snapshot then deltas build the book; it is quotable only after the snapshot', () => {
    w.handler.handle(delta(1, A, '0.4000', '5.00')); // before any snapshot: no base, ignored
    expect(w.books.get(A)).toBeUndefined();
    w.handler.handle(snapshot(2, A));
    w.handler.handle(delta(3, A, '0.4000', '2.25'));
    w.handler.handle(delta(4, A, '0.4100', '1.00'));
    w.handler.handle(delta(5, A, '0.5500', '-7.50', 'no'));
    const book = w.books.get(A);
    expect(book?.isQuotable).toBe(true);
    expect(book?.levels('yes')).toEqual([
      { priceE4: 4100, countE2: 100 },
      { priceE4: 4000, countE2: 1225 },
    ]);
    expect(book?.bestNoBid()).toBeNull();
    expect(w.answered).toHaveLength(1);
  });

  it('a seq gap marks EVERY book of the sid unquotable and asks get_snapshot for them; a snapshot restores each', () => {
    w.handler.handle(snapshot(1, A));
    w.handler.handle(snapshot(2, B));
    w.handler.handle(delta(4, A, '0.4000', '1.00')); // seq 3 lost
    expect(w.books.get(A)?.isQuotable).toBe(false);
    expect(w.books.get(B)?.isQuotable).toBe(false);
    expect(w.events.find((e) => e.type === 'gap')).toEqual({
      type: 'gap',
      channel: 'orderbook_delta',
      sid: BOOK_SID,
      expectedSeq: 3,
      gotSeq: 4,
    });
    expect(withoutIds(w.sent)).toEqual([
      {
        cmd: 'update_subscription',
        params: { sids: [BOOK_SID], market_tickers: [A, B], action: 'get_snapshot' },
      },
    ]);
    w.handler.handle(snapshot(5, A));
    expect(w.books.get(A)?.isQuotable).toBe(true);
    expect(w.books.get(B)?.isQuotable).toBe(false); // only a fresh snapshot of its own lifts it
    w.handler.handle(snapshot(6, B));
    expect(w.books.get(B)?.isQuotable).toBe(true);
  });

  it('a malformed delta fails closed: contract red with the field, books unquotable, one throttled re-seed', () => {
    w.handler.handle(snapshot(1, A));
    w.handler.handle(delta(2, A, '0.40001', '1.00'));
    const state = w.contract.state();
    expect(state.status).toBe('red');
    expect(state.violations[0]).toMatchObject({
      source: 'ws',
      where: 'orderbook_delta',
      field: 'msg.price_dollars',
    });
    expect(w.handler.rejectedFrames).toBe(1);
    expect(w.books.get(A)?.isQuotable).toBe(false);
    expect(w.sent.filter((c) => c.params['action'] === 'get_snapshot')).toHaveLength(1);
    w.handler.handle(delta(3, A, '0.40001', '1.00'));
    expect(w.sent.filter((c) => c.params['action'] === 'get_snapshot')).toHaveLength(1); // deferred, not sent again now
  });

  it('terminal error 25 on the book sid: books unquotable, stale event, re-subscribed with use_yes_price pinned', () => {
    w.handler.handle(snapshot(1, A));
    w.handler.handle(
      JSON.stringify({
        type: 'error',
        sid: BOOK_SID,
        msg: { code: 25, msg: 'Subscription buffer overflow' },
      }),
    );
    expect(w.books.get(A)?.isQuotable).toBe(false);
    expect(w.events).toContainEqual({
      type: 'stale',
      scope: { kind: 'channel', channel: 'orderbook_delta' },
      reason: 'terminal error 25: Subscription buffer overflow',
    });
    expect(withoutIds(w.sent)).toEqual([
      {
        cmd: 'subscribe',
        params: { channels: ['orderbook_delta'], market_tickers: [A, B], use_yes_price: false },
      },
    ]);
  });

  it('a non-terminal error is logged with its command id and answers a pending subscribe', () => {
    const pending = w.subs.syncAll(); // nothing pending any more for the book channel
    expect(pending).toEqual([]);
    const before = w.sent.length;
    w.handler.handle(
      JSON.stringify({ id: 99, type: 'error', msg: { code: 7, msg: 'Unknown subscription ID' } }),
    );
    expect(w.sent.length).toBe(before);
    expect(w.contract.state().status).toBe('green');
  });

  it('fills, order updates, trades and lifecycle are ledgered by venue id: a replayed frame is stored once', async () => {
    const fill = JSON.stringify({
      type: 'fill',
      sid: 13,
      msg: {
        trade_id: 'd91bc706-0000-4000-8000-000000000001',
        order_id: 'ee587a1c-0000-4000-8000-000000000002',
        client_order_id: 'my-order-1',
        market_ticker: A,
        is_taker: true,
        side: 'yes',
        yes_price_dollars: '0.7500',
        count_fp: '278.00',
        fee_cost: '0.010000',
        action: 'buy',
        ts: 1671899397,
        ts_ms: 1671899397000,
        post_position_fp: '500.00',
        purchased_side: 'yes',
        outcome_side: 'yes',
        book_side: 'bid',
      },
    });
    const trade = JSON.stringify({
      type: 'trade',
      sid: 11,
      seq: 2,
      msg: {
        trade_id: 't-1',
        market_ticker: A,
        yes_price_dollars: '0.3600',
        no_price_dollars: '0.6400',
        count_fp: '136.00',
        taker_side: 'no',
        ts: 1669149841,
        ts_ms: 1669149841000,
      },
    });
    const lifecycle = JSON.stringify({
      type: 'market_lifecycle_v2',
      sid: 12,
      seq: 9,
      msg: { market_ticker: A, event_type: 'close_date_updated', close_ts: 1767225600 },
    });
    for (let i = 0; i < 2; i++) {
      w.handler.handle(fill);
      w.handler.handle(lifecycle);
      w.handler.handle(trade);
      await w.ledger.drain();
    }
    expect(w.store.ledger.readByKind('kalshi.fill').map((e) => e.sourceEventId)).toEqual([
      'fill:d91bc706-0000-4000-8000-000000000001:ee587a1c-0000-4000-8000-000000000002',
    ]);
    expect(w.store.ledger.readByKind('kalshi.trade').map((e) => [e.sourceEventId, e.venueTsMs])).toEqual([
      ['trade:t-1', 1669149841000],
    ]);
    expect(w.store.ledger.readByKind('kalshi.market_lifecycle_v2')).toHaveLength(1);
    const fillEvent = w.events.find((e) => e.type === 'fill');
    expect(fillEvent).toMatchObject({
      fill: {
        yesPriceE4: 7500,
        countE2: 27_800,
        feeE6: 10_000,
        postPositionE2: 50_000,
        clientOrderId: 'my-order-1',
      },
    });
  });

  it('reports an unknown field once and an unknown frame type once, without failing the frame', () => {
    w.handler.handle(snapshot(1, A));
    const withExtra = JSON.stringify({
      type: 'orderbook_delta',
      sid: BOOK_SID,
      seq: 2,
      msg: {
        market_ticker: A,
        market_id: 'm',
        price_dollars: '0.4000',
        delta_fp: '1.00',
        side: 'yes',
        shiny_new: 1,
      },
    });
    w.handler.handle(withExtra);
    w.handler.handle(JSON.stringify({ type: 'multivariate_lookup', sid: 1, msg: {} }));
    w.handler.handle(JSON.stringify({ type: 'multivariate_lookup', sid: 1, msg: {} }));
    const state = w.contract.state();
    expect(state.status).toBe('green');
    expect(state.unknownFields.map((u) => u.field)).toEqual(['msg.shiny_new', 'type=multivariate_lookup']);
    expect(w.books.get(A)?.levels('yes')[0]).toEqual({ priceE4: 4000, countE2: 1100 });
  });
});
