/**
 * The bridge on connector events: gate changes from a real TradingGate (the connector forwards its
 * `onChange` as `gate_changed`), and stream events as the connector emits them.
 */
import { ActivityEvent, MarketTicker, countE2, moneyE6, priceE4 } from '@pt/protocol';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { StreamHub } from '../api/stream/hub.js';
import { TradingGate } from '../connectors/kalshi/reconcile/trading-gate.js';
import type { ConnectorEvent } from '../connectors/kalshi/venue-connector.js';
import type { WsFill, WsUserOrder } from '../connectors/kalshi/ws/types.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/index.js';
import { makeTempDir, silentLogger } from '../../test/store/temp-dir.js';
import { ACTIVITY_SOURCE } from './activity-input.js';
import { activityForConnectorEvent, bridgeConnectorActivity } from './connector-bridge.js';
import { ActivityRecorder } from './recorder.js';

let store: Store;
let removeDir: () => void;
beforeAll(() => {
  const temp = makeTempDir('pt-activity-bridge-');
  removeDir = temp.remove;
  store = openStore({ dataDir: temp.dir, environment: 'sim', logger: silentLogger });
});
afterAll(async () => {
  await store.close();
  removeDir();
});

const TICKER = MarketTicker.parse('KXHIGHNY-25NOV25-B58.5');
const ORDER_ID = '5f0e2b8c-1d3a-4c5e-9f7a-0b1c2d3e4f50';

const fill: WsFill = {
  tradeId: 'd91b7a52-3c4e-4f6a-8b9c-0d1e2f3a4b5c',
  orderId: ORDER_ID,
  clientOrderId: 'pt-7f3a',
  marketTicker: TICKER,
  bookSide: 'bid',
  outcomeSide: 'yes',
  isTaker: true,
  yesPriceE4: priceE4(5600),
  countE2: countE2(1000),
  feeE6: moneyE6(70_000),
  postPositionE2: 1000,
  tsMs: 1_764_025_538_527,
};

const resting: WsUserOrder = {
  orderId: ORDER_ID,
  clientOrderId: 'pt-7f3a',
  marketTicker: TICKER,
  status: 'resting',
  bookSide: 'ask',
  outcomeSide: 'yes',
  yesPriceE4: priceE4(4400),
  fillCountE2: countE2(0),
  remainingCountE2: countE2(500),
  initialCountE2: countE2(500),
  lastUpdateReason: null,
  updatedTsMs: 1_764_025_538_000,
};

describe('activityForConnectorEvent', () => {
  it('reports a fill once per trade id, with the money in fixed point', () => {
    const input = activityForConnectorEvent({ type: 'fill', fill }, true);
    expect(input).toMatchObject({
      key: `fill:${fill.tradeId}`,
      kind: 'fill',
      ticker: TICKER,
      orderId: ORDER_ID,
      clientOrderId: 'pt-7f3a',
      venueTsMs: fill.tsMs,
      message: 'Bought 10.00 YES on KXHIGHNY-25NOV25-B58.5 at $0.5600 (fee $0.070000).',
    });
  });

  it('keeps ids the protocol would refuse out of the event', () => {
    const input = activityForConnectorEvent(
      { type: 'fill', fill: { ...fill, orderId: 'not-a-guid', clientOrderId: 'has space' } },
      true,
    );
    expect(input).toMatchObject({ orderId: null, clientOrderId: null });
  });

  it('reports a resting order once, not its partial fills, then canceled and executed', () => {
    expect(activityForConnectorEvent({ type: 'order_update', order: resting }, true)).toMatchObject({
      key: `venue-order:${ORDER_ID}:resting`,
      message: 'Order resting on KXHIGHNY-25NOV25-B58.5: sell 5.00 YES, limit $0.4400.',
    });
    const partial = { ...resting, fillCountE2: countE2(200), remainingCountE2: countE2(300) };
    expect(activityForConnectorEvent({ type: 'order_update', order: partial }, true)).toBeNull();
    const canceled = { ...partial, status: 'canceled' as const };
    expect(activityForConnectorEvent({ type: 'order_update', order: canceled }, true)).toMatchObject({
      key: `venue-order:${ORDER_ID}:canceled`,
      message: expect.stringContaining('2.00 filled, 3.00 unfilled') as unknown,
    });
    const executed = { ...resting, status: 'executed' as const };
    expect(activityForConnectorEvent({ type: 'order_update', order: executed }, true)).toMatchObject({
      key: `venue-order:${ORDER_ID}:executed`,
    });
  });

  it("leaves our own orders' updates to the execution road (one entry per step, not two)", () => {
    const isOwn = (clientOrderId: string): boolean => clientOrderId === 'pt-ours';
    const ours = { ...resting, clientOrderId: 'pt-ours' };
    expect(activityForConnectorEvent({ type: 'order_update', order: ours }, true, isOwn)).toBeNull();
    const external = { ...resting, clientOrderId: 'kalshi-web-1' };
    expect(activityForConnectorEvent({ type: 'order_update', order: external }, true, isOwn)).toMatchObject({
      key: `venue-order:${ORDER_ID}:resting`,
    });
    const anonymous = { ...resting, clientOrderId: null };
    expect(activityForConnectorEvent({ type: 'order_update', order: anonymous }, true, isOwn)).not.toBeNull();
    // Fills stay the bridge's: they are keyed by trade id whoever placed the order.
    expect(
      activityForConnectorEvent({ type: 'fill', fill: { ...fill, clientOrderId: 'pt-ours' } }, true, isOwn),
    ).not.toBeNull();
  });

  it('reports the connection: disconnect, reconnect, stale data, gaps; ignores market data', () => {
    const down = activityForConnectorEvent({ type: 'disconnected', code: 1006, reason: '' }, true);
    expect(down).toMatchObject({ kind: 'connection', severity: 'warning' });
    expect(down?.message).toContain('code 1006');
    const back = activityForConnectorEvent({ type: 'reconnected', attempt: 2, downMs: 3_250 }, false);
    expect(back?.message).toContain('after 3.3 s (attempt 2)');
    const stale = activityForConnectorEvent(
      { type: 'stale', scope: { kind: 'market', marketTicker: TICKER }, reason: 'no book frame for 30 s' },
      true,
    );
    expect(stale).toMatchObject({ kind: 'connection', ticker: TICKER });
    const gap = activityForConnectorEvent(
      { type: 'gap', channel: 'orderbook_delta', sid: 3, expectedSeq: 12, gotSeq: 15 },
      true,
    );
    expect(gap?.message).toContain('seq 12 expected, 15 received');
    const quiet: ConnectorEvent[] = [
      { type: 'book_changed', marketTicker: TICKER, isQuotable: true },
      {
        type: 'trade',
        trade: {
          tradeId: fill.tradeId,
          marketTicker: TICKER,
          yesPriceE4: priceE4(1),
          countE2: countE2(1),
          takerSide: 'yes',
          tsMs: 1,
        },
      },
    ];
    for (const event of quiet) expect(activityForConnectorEvent(event, true)).toBeNull();
  });

  it('reports failed and successful reconciliations', () => {
    const report = { plan: undefined, fillsRecorded: 2, startedAtMs: 10, finishedAtMs: 20 };
    expect(
      activityForConnectorEvent(
        { type: 'reconciled', report: { ...report, isOk: true, failure: undefined } },
        false,
      ),
    ).toMatchObject({
      key: 'reconcile:10',
      severity: 'info',
      message: 'Reconciled with the venue: 2 missed fill(s) recorded.',
    });
    expect(
      activityForConnectorEvent(
        { type: 'reconciled', report: { ...report, isOk: false, failure: 'HTTP 503' } },
        false,
      ),
    ).toMatchObject({ kind: 'reconciliation', severity: 'error' });
  });
});

describe('bridgeConnectorActivity with a real trading gate', () => {
  it('records a resume when the gate opens and a halt when it closes, not each phase', async () => {
    let now = 1_000;
    const gate = new TradingGate(() => now);
    const listeners = new Set<(event: ConnectorEvent) => void>();
    gate.onChange((state) => {
      for (const listener of listeners) listener({ type: 'gate_changed', gate: state });
    });
    const source = {
      onEvent: (listener: (event: ConnectorEvent) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const recorder = new ActivityRecorder({
      ledger: () => store.ledger,
      hub: new StreamHub(),
      nowMs: () => now,
    });
    const stop = bridgeConnectorActivity(source, recorder, pino({ level: 'silent' }));

    gate.beginReconcile(); // halted → halted: nothing to report
    now += 5;
    gate.reconcileSucceeded();
    now += 5;
    gate.streamDown();
    gate.beginReconcile();
    now += 5;
    gate.reconcileSucceeded();
    stop();
    gate.streamDown();

    const recorded = () =>
      store.ledger
        .readByKind('activity.trading_state')
        .filter((row) => row.source === ACTIVITY_SOURCE)
        .map((row) => ActivityEvent.parse(row.payload));
    await vi.waitFor(() => expect(recorded()).toHaveLength(3));
    // One more event after stop() would have made a fourth row by now.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(recorded().map((event) => [event.severity, event.id])).toEqual([
      ['info', 'gate:open:1005'],
      ['warning', 'gate:stream_down:1010'],
      ['info', 'gate:open:1015'],
    ]);
    expect(recorded()[1]?.message).toBe(
      'Trading halted by the agent: the venue stream dropped; orders, fills and positions are reconciled on reconnect.',
    );
  });
});
