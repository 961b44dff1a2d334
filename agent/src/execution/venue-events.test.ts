import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientOrderId, MarketTicker, OrderId, countE2, moneyE6, priceE4 } from '@pt/protocol';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorEvent } from '../connectors/kalshi/venue-connector.js';
import type { VenueOrderView } from '../connectors/kalshi/reconcile/types.js';
import { openStore, type Store } from '../store/index.js';
import { OrderJournal } from './order-journal.js';
import { lifecycleEventsFrom } from './venue-events.js';

const ticker = MarketTicker.parse('KXTEST-26NOV25-T50');
const ours = ClientOrderId.parse('pt-ours');
const lost = ClientOrderId.parse('pt-lost');
const orderId = OrderId.parse('8c1a3b7e-0000-4000-8000-0000000000b1');
const external = OrderId.parse('8c1a3b7e-0000-4000-8000-0000000000e1');
let dir: string;
let store: Store;
let journal: OrderJournal;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pt-venue-events-'));
  store = openStore({ dataDir: dir, environment: 'sim', logger: pino({ level: 'silent' }) });
  journal = OrderJournal.open(store.ledger);
  for (const clientOrderId of [ours, lost])
    await journal.recordIntent({
      clientOrderId,
      ticker,
      side: 'bid',
      priceE4: priceE4(4_000),
      countE2: countE2(500),
      timeInForce: 'good_till_canceled',
      reduceOnly: false,
      origin: { kind: 'manual' },
      createdAtMs: 1,
    });
  await journal.apply(ours, { type: 'ack', orderId, filledCountE2: 0, remainingCountE2: 500 });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function view(
  id: OrderId,
  clientOrderId: ClientOrderId | null,
  status: VenueOrderView['status'],
): VenueOrderView {
  return {
    orderId: id,
    clientOrderId,
    ticker,
    side: 'bid',
    priceE4: priceE4(4_000),
    initialCountE2: countE2(500),
    filledCountE2: countE2(100),
    remainingCountE2: countE2(400),
    status,
    createdAtMs: 1,
  };
}

describe('lifecycleEventsFrom', () => {
  it('turns a WS fill of ours into a fill keyed by trade id, and ignores other orders', () => {
    const fill = (id: string): ConnectorEvent => ({
      type: 'fill',
      fill: {
        tradeId: 'trade-1',
        orderId: id,
        clientOrderId: null,
        marketTicker: ticker,
        bookSide: 'bid',
        outcomeSide: 'yes',
        isTaker: false,
        yesPriceE4: priceE4(4_000),
        countE2: countE2(100),
        feeE6: moneyE6(0),
        postPositionE2: null,
        tsMs: 1,
      },
    });
    expect(lifecycleEventsFrom(fill(orderId), journal)).toEqual([
      [ours, { type: 'fill', fillId: 'trade-1', orderId, countE2: 100 }],
    ]);
    expect(lifecycleEventsFrom(fill(external), journal)).toEqual([]);
  });

  it('maps a reconciliation plan: lost create found or never placed, updates and closes of ours only', () => {
    const event: ConnectorEvent = {
      type: 'reconciled',
      report: {
        isOk: true,
        fillsRecorded: 0,
        failure: undefined,
        startedAtMs: 1,
        finishedAtMs: 2,
        plan: {
          hasPendingChecks: false,
          actions: [
            { kind: 'intent_not_placed', clientOrderId: lost, checksWithoutMatch: 3 },
            { kind: 'order_updated', order: view(orderId, ours, 'resting') },
            { kind: 'order_imported', order: view(external, null, 'resting'), isExternal: true },
            { kind: 'order_closed_missing', orderId, consecutiveMisses: 3 },
            { kind: 'order_missed', orderId, consecutiveMisses: 1 },
          ],
        },
      },
    };
    expect(lifecycleEventsFrom(event, journal)).toEqual([
      [lost, { type: 'not_found', detail: 'Reconciliation: never placed' }],
      [ours, { type: 'venue_state', orderId, state: 'resting', filledCountE2: 100 }],
      [ours, { type: 'venue_state', orderId, state: 'canceled', filledCountE2: 0 }],
    ]);
  });
});
