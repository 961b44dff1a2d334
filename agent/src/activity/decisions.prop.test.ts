/**
 * Every decision helper and every connector event the bridge maps, for arbitrary valid inputs,
 * goes through the real recorder into a real store and onto a real hub, and what comes out (the
 * stream frame and the ledger payload) parses with the protocol's ActivityEvent.
 */
import fc from 'fast-check';
import { ActivityEvent, NotTradedReason, ServerEvent, countE2, moneyE6, priceE4 } from '@pt/protocol';
import type { MarketTicker } from '@pt/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamHub } from '../api/stream/hub.js';
import type { StreamSink } from '../api/stream/hub.js';
import type { ConnectorEvent } from '../connectors/kalshi/venue-connector.js';
import { RISK_RULES } from '../risk/index.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/index.js';
import { makeTempDir, silentLogger } from '../../test/store/temp-dir.js';
import type { ActivityInput } from './activity-input.js';
import { ACTIVITY_SOURCE } from './activity-input.js';
import { activityForConnectorEvent } from './connector-bridge.js';
import {
  orderAcked,
  orderCanceled,
  orderFilled,
  orderPlaced,
  orderRejected,
  orderUnknown,
  riskDenied,
} from './order-activity.js';
import { ActivityRecorder } from './recorder.js';
import {
  flattenProgress,
  notTraded,
  reconciliationFailed,
  reconciliationSucceeded,
  staleData,
  tradingHalted,
  tradingResumed,
  venueDisconnected,
  venueReconnected,
} from './system-activity.js';

const ticker = fc.stringMatching(/^[A-Z0-9][A-Z0-9._-]{0,30}$/);
const clientOrderId = fc.stringMatching(/^[-\w:+=/]{1,48}$/);
const strategyId = fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/);
const text = fc.string({ maxLength: 80 });
const side = fc.constantFrom('bid' as const, 'ask' as const);
const price = fc.integer({ min: 0, max: 10_000 }).map((n) => priceE4(n));
const count = fc.integer({ min: 0, max: 10_000_000 }).map((n) => countE2(n));
const money = fc.integer({ min: -1e12, max: 1e12 }).map((n) => moneyE6(n));
const orderRef = fc.record({
  ticker,
  clientOrderId,
  orderId: fc.option(fc.uuid(), { nil: null }),
  strategyId: fc.option(strategyId, { nil: null }),
});
const terms = fc.record({ side, priceE4: price, countE2: count });

const decision: fc.Arbitrary<ActivityInput> = fc.oneof(
  fc.tuple(orderRef, terms).map(([o, t]) => orderPlaced(o, t)),
  fc.tuple(orderRef, fc.uuid()).map(([o, orderId]) => orderAcked({ ...o, orderId })),
  fc
    .tuple(orderRef, terms, fc.uuid(), money)
    .map(([o, t, tradeId, feeE6]) => orderFilled(o, { ...t, tradeId, feeE6 })),
  fc.tuple(orderRef, count).map(([o, c]) => orderCanceled(o, c)),
  fc.tuple(orderRef, text).map(([o, r]) => orderRejected(o, r)),
  fc.tuple(orderRef, text).map(([o, r]) => orderUnknown(o, r)),
  fc
    .record({
      rule: fc.constantFrom(...RISK_RULES),
      detail: text,
      ticker,
      clientOrderId: fc.option(clientOrderId, { nil: null }),
      strategyId: fc.option(strategyId, { nil: null }),
    })
    .map(riskDenied),
  fc
    .record({ strategyId, ticker, reason: fc.constantFrom(...NotTradedReason.options), detail: text })
    .map(notTraded),
  fc.tuple(text, fc.constantFrom('user' as const, 'system' as const)).map(([r, by]) => tradingHalted(r, by)),
  fc.tuple(text, fc.constantFrom('user' as const, 'system' as const)).map(([r, by]) => tradingResumed(r, by)),
  fc.tuple(fc.integer({ min: 1000, max: 4999 }), text).map(([code, r]) => venueDisconnected(code, r)),
  fc.tuple(fc.nat(1000), fc.nat(1e9)).map(([a, ms]) => venueReconnected(a, ms)),
  fc.tuple(ticker, text).map(([t, r]) => staleData({ kind: 'market', ticker: t }, r)),
  text.map((r) => staleData({ kind: 'socket' }, r)),
  text.map((r) => reconciliationFailed(r)),
  fc.nat(1000).map((n) => reconciliationSucceeded(n)),
  fc
    .record({ runId: fc.uuid(), step: fc.stringMatching(/^[a-z0-9:-]{1,40}$/), message: text, ticker })
    .map(flattenProgress),
);

/** Connector events the bridge turns into activity. */
const connectorEvent: fc.Arbitrary<ConnectorEvent> = fc.oneof(
  fc.record({
    type: fc.constant('fill' as const),
    fill: fc.record({
      tradeId: fc.uuid(),
      orderId: fc.oneof(fc.uuid(), fc.string()),
      clientOrderId: fc.option(fc.string(), { nil: null }),
      marketTicker: ticker.map((t) => t as MarketTicker),
      bookSide: side,
      outcomeSide: fc.constantFrom('yes' as const, 'no' as const),
      isTaker: fc.boolean(),
      yesPriceE4: price,
      countE2: count,
      feeE6: money,
      postPositionE2: fc.option(fc.integer(), { nil: null }),
      tsMs: fc.nat(),
    }),
  }),
  fc.record({
    type: fc.constant('order_update' as const),
    order: fc.record({
      orderId: fc.uuid(),
      clientOrderId: fc.option(clientOrderId, { nil: null }),
      marketTicker: ticker.map((t) => t as MarketTicker),
      status: fc.constantFrom('resting' as const, 'canceled' as const, 'executed' as const),
      bookSide: side,
      outcomeSide: fc.constantFrom('yes' as const, 'no' as const),
      yesPriceE4: price,
      fillCountE2: fc.constant(countE2(0)),
      remainingCountE2: count,
      initialCountE2: count,
      lastUpdateReason: fc.constant(null),
      updatedTsMs: fc.nat(),
    }),
  }),
  fc.record({
    type: fc.constant('gap' as const),
    channel: fc.constant('orderbook_delta' as const),
    sid: fc.nat(),
    expectedSeq: fc.nat(),
    gotSeq: fc.nat(),
  }),
);

let store: Store;
let removeDir: () => void;
beforeAll(() => {
  const temp = makeTempDir('pt-activity-prop-');
  removeDir = temp.remove;
  store = openStore({ dataDir: temp.dir, environment: 'sim', logger: silentLogger });
});
afterAll(async () => {
  await store.close();
  removeDir();
});

describe('recorded activity', () => {
  it('always parses with ActivityEvent, on the stream and in the ledger', async () => {
    const hub = new StreamHub();
    const frames: Buffer[] = [];
    const sink: StreamSink = { bufferedAmount: 0, send: (frame) => frames.push(frame), dropSlow: () => {} };
    hub.subscribe('activity', sink);
    const recorder = new ActivityRecorder({ ledger: () => store.ledger, hub });
    const input = fc.oneof(
      decision,
      connectorEvent.map((event) => activityForConnectorEvent(event, false)).filter((i) => i !== null),
    );
    let recordedCount = 0;
    await fc.assert(
      fc.asyncProperty(input, async (activity) => {
        frames.length = 0;
        const recorded = await recorder.record(activity);
        // Inputs with a key may repeat across runs (same uuid is unlikely, same trade id twice is fine).
        if (recorded === null) return;
        recordedCount += 1;
        expect(frames).toHaveLength(1);
        const message = ServerEvent.parse(JSON.parse(String(frames[0])));
        expect(message).toMatchObject({ type: 'activity.appended', stream: 'activity' });
        const stored = store.ledger.get(ACTIVITY_SOURCE, recorded.id);
        expect(stored?.kind).toBe(`activity.${recorded.kind}`);
        expect(ActivityEvent.parse(stored?.payload)).toEqual(recorded);
      }),
      { numRuns: 300 },
    );
    expect(recordedCount).toBeGreaterThan(250);
  });
});
