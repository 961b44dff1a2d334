/**
 * The feed shows what the venue connection does today: the real KalshiConnector on the real
 * simulator, bridged into a real recorder, store and hub. Start-up (reconciled, trading resumed),
 * a fill with its trade id as key, and a WS drop (halt, disconnect, reconnect, resume).
 */
import { randomUUID } from 'node:crypto';
import { countE2, priceE4 } from '@pt/protocol';
import type { ActivityEvent, MarketTicker } from '@pt/protocol';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bridgeConnectorActivity } from '../../src/activity/index.js';
import { KalshiConnector } from '../../src/connectors/kalshi/connector.js';
import { InMemoryLocalState } from '../../src/connectors/kalshi/reconcile/local-state.js';
import { resolveVenueConfig } from '../../src/connectors/kalshi/venue-config.js';
import { startSimVenue } from '../helpers/sim-venue.js';
import type { SimVenue } from '../helpers/sim-venue.js';
import { activityWorld } from './harness.js';
import type { ActivityWorld } from './harness.js';

const logger = pino({ level: 'silent' });

let sim: SimVenue;
let w: ActivityWorld;
let connector: KalshiConnector;
let stopBridge: () => void;
let ticker: MarketTicker;

beforeAll(async () => {
  sim = await startSimVenue({ seed: 71 });
  w = activityWorld();
  connector = new KalshiConnector({
    venue: resolveVenueConfig('sim', { restBaseUrl: sim.rest, wsUrl: sim.ws }),
    credentials: { keyId: sim.keyId, privateKey: sim.privateKey },
    ledger: w.store.ledger,
    logger,
    local: new InMemoryLocalState(),
    httpTimeoutMs: 2_000,
  });
  stopBridge = bridgeConnectorActivity(connector, w.recorder, logger);
  await connector.start();
  const markets = await connector.http.getMarkets({ status: 'open', limit: 200 });
  const market = markets.items.find((item) => item.ticker.startsWith('KXHIGHNY'));
  if (market === undefined) throw new Error('the sim serves no open KXHIGHNY market');
  ticker = market.ticker;
}, 60_000);

afterAll(async () => {
  stopBridge();
  await connector.stop();
  await w.close();
  await sim.stop();
});

function feed(): ActivityEvent[] {
  return w.feed.page({ limit: 500 }).events;
}

describe('connector activity on the simulator', () => {
  it('shows the start-up reconciliation and trading resuming', async () => {
    await vi.waitFor(() => {
      expect(feed().map((event) => event.kind)).toEqual(
        expect.arrayContaining(['reconciliation', 'trading_state']),
      );
    });
    const resumed = feed().find((event) => event.kind === 'trading_state');
    expect(resumed?.message).toBe('Trading resumed by the agent: reconciled with the venue.');
    expect(w.published().map((event) => event.id)).toEqual(
      feed()
        .map((event) => event.id)
        .reverse(),
    );
  });

  it('shows a fill keyed by its trade id, and the executed order', async () => {
    const outcome = await connector.createOrder({
      ticker,
      clientOrderId: `fill-${randomUUID()}`,
      side: 'bid',
      countE2: countE2(100),
      priceE4: priceE4(9_900),
      timeInForce: 'immediate_or_cancel',
      selfTradePrevention: 'taker_at_cross',
    });
    expect(outcome.status).toBe('ok');
    await vi.waitFor(() => expect(feed().some((event) => event.kind === 'fill')).toBe(true), {
      timeout: 10_000,
    });
    const fill = feed().find((event) => event.kind === 'fill');
    expect(fill).toMatchObject({ ticker, severity: 'info', id: expect.stringMatching(/^fill:/) as unknown });
    expect(fill?.message).toMatch(/^Bought 1\.00 YES on .+ at \$0\.\d{4} \(fee \$\d+\.\d{6}\)\.$/);
  });

  it('shows a WS drop: halted, disconnected, reconnected, resumed after reconciliation', async () => {
    const before = feed().length;
    await sim.admin('/faults/ws/drop');
    await vi.waitFor(
      () => {
        const recent = feed().slice(0, feed().length - before);
        expect(recent.map((event) => event.message)).toEqual(
          expect.arrayContaining([
            expect.stringMatching(/^Trading halted by the agent: the venue stream dropped/),
            expect.stringMatching(/^Venue stream disconnected/),
            expect.stringMatching(/^Venue stream reconnected after/),
            'Trading resumed by the agent: reconciled with the venue.',
          ]),
        );
      },
      { timeout: 15_000 },
    );
  });
});
