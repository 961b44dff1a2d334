/**
 * The demo/live gate against the real simulator and real SQLite files: start-up choice, switching
 * (refused while exposed, keys, acknowledgement), one database file per environment, rollback on a
 * failure mid-switch, one switch at a time.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  LIABILITY_TEXT_VERSION,
  LIVE_ACK_PHRASE,
  countE2,
  priceE4,
  type LiveAcknowledgement,
  type MarketTicker,
} from '@pt/protocol';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LIVE_ACK_KIND, PersistedEnvironment } from '../../src/environment/index.js';
import { AgentError } from '../../src/lib/errors.js';
import { startSimVenue, type SimVenue } from '../helpers/sim-venue.js';
import { requireKeychain } from '../keychain/keyring-env.js';
import { createHarness, device, eventually, importSimAccountKey, type Harness } from './harness.js';

const ACK: LiveAcknowledgement = {
  phrase: `  ${LIVE_ACK_PHRASE} `,
  liabilityTextVersion: LIABILITY_TEXT_VERSION,
  acceptedLiability: true,
};

let sim: SimVenue;
let ticker: MarketTicker;
const harnesses: Harness[] = [];

function harness(options: Omit<Parameters<typeof createHarness>[0], 'sim'> = {}): Harness {
  const created = createHarness({ sim, ...options });
  harnesses.push(created);
  return created;
}

async function refusal(work: Promise<unknown>): Promise<AgentError> {
  try {
    await work;
  } catch (err) {
    if (err instanceof AgentError) return err;
    throw err;
  }
  throw new Error('expected the switch to be refused');
}

function isTrading(h: Harness): boolean {
  return h.runtime.tradingState().mode === 'active';
}

beforeAll(async () => {
  sim = await startSimVenue({ seed: 21 });
  const probe = harness();
  await probe.runtime.start();
  await eventually(() => isTrading(probe));
  const connector = probe.connectors[0];
  if (connector === undefined) throw new Error('no connector');
  const markets = await connector.http.getMarkets({ status: 'open', limit: 200 });
  const market = markets.items.find((item) => item.ticker.startsWith('KXHIGHNY'));
  if (market === undefined) throw new Error('the sim serves no open KXHIGHNY market');
  ticker = market.ticker;
  await probe.cleanup();
}, 60_000);

beforeEach(requireKeychain);

afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.cleanup()));
});

afterAll(async () => {
  await sim.stop();
});

describe('start-up environment', () => {
  it('defaults to the simulator, on its own database file, and trades once reconciled', async () => {
    const h = harness();
    await h.runtime.start();
    const current = h.runtime.current();
    expect(current.environment).toBe('sim');
    expect(current.store.file).toBe(join(h.dataDir, 'ledger-sim.sqlite'));
    expect(current.venue).not.toBeNull();
    await eventually(() => isTrading(h));
    const overview = await h.runtime.overview();
    expect(overview.environment).toBe('sim');
    expect(overview.blockers).toEqual({
      sim: [],
      demo: ['KEYS_MISSING'],
      live: ['KEYS_MISSING', 'ACK_REQUIRED'],
    });
    expect(existsSync(join(h.dataDir, 'environment.json'))).toBe(false);
  }, 30_000);

  it('honours the persisted switch over config.json and the default, but not over --env / PT_ENV', async () => {
    const first = harness();
    await importSimAccountKey(sim, first.credentials, 'demo');
    await first.runtime.start();
    await first.runtime.switchTo({ environment: 'demo' }, device);
    await first.runtime.stop();
    const file = join(first.dataDir, 'environment.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(PersistedEnvironment.parse(JSON.parse(readFileSync(file, 'utf8')))).toMatchObject({
      environment: 'demo',
    });

    const shared = { dataDir: first.dataDir, credentials: first.credentials };
    for (const [environmentSource, expected] of [
      ['default', 'demo'],
      ['file', 'demo'],
      ['flag', 'sim'],
      ['env', 'sim'],
    ] as const) {
      const again = createHarness({ sim, ...shared, environment: 'sim', environmentSource });
      expect(again.runtime.open().environment).toBe(expected);
      await again.runtime.stop();
    }
  }, 30_000);
});

describe('switching', () => {
  it('refuses demo without demo keys (KEYS_MISSING) and stays on sim', async () => {
    const h = harness();
    await h.runtime.start();
    const err = await refusal(h.runtime.switchTo({ environment: 'demo' }, device));
    expect(err.code).toBe('CONFLICT');
    expect(err.details).toMatchObject({ blockers: ['KEYS_MISSING'] });
    expect(err.message).toContain('keys import --env demo');
    expect(h.runtime.current().environment).toBe('sim');
    expect(existsSync(join(h.dataDir, 'ledger-demo.sqlite'))).toBe(false);
    // The sim store is still the open one.
    await h.runtime
      .current()
      .store.ledger.append([
        { source: 'test', sourceEventId: 'still-open', kind: 'test.probe', payload: {} },
      ]);
  }, 30_000);

  it('refuses while an order of ours rests on the sim, and switches once it is cancelled', async () => {
    const h = harness();
    await importSimAccountKey(sim, h.credentials, 'demo');
    const switches: unknown[] = [];
    h.runtime.onSwitched((event) => switches.push(event));
    await h.runtime.start();
    await eventually(() => isTrading(h));
    const connector = h.connectors.at(-1);
    if (connector === undefined) throw new Error('no connector');
    const placed = await connector.createOrder({
      ticker,
      clientOrderId: `env-${randomUUID()}`,
      side: 'bid',
      countE2: countE2(100),
      priceE4: priceE4(100),
      timeInForce: 'good_till_canceled',
      selfTradePrevention: 'taker_at_cross',
    });
    if (placed.status !== 'ok') throw new Error(`create failed: ${JSON.stringify(placed)}`);

    const err = await refusal(h.runtime.switchTo({ environment: 'demo' }, device));
    expect(err.code).toBe('CONFLICT');
    expect(err.details).toMatchObject({ blockers: ['ORDERS_RESTING'] });
    // The start-up's follow-up reconciliation may race the create and label the order external;
    // either way it blocks.
    expect(err.message).toMatch(/Flatten All first: 1 order (placed outside the agent )?resting in sim$/);
    expect((await h.runtime.overview()).blockers.demo).toEqual(['ORDERS_RESTING']);
    expect(h.runtime.current().environment).toBe('sim');

    expect((await connector.cancelOrder(placed.value.orderId, ticker)).status).toBe('ok');
    // A cancel does not touch local belief (the execution layer's order state machine will);
    // reconciliation sees the order cancelled and drops it, as after a Flatten All.
    expect((await connector.reconcile()).isOk).toBe(true);
    expect((await h.runtime.overview()).blockers.demo).toEqual([]);
    const overview = await h.runtime.switchTo({ environment: 'demo' }, device);
    expect(overview.environment).toBe('demo');
    expect(h.runtime.current().store.file).toBe(join(h.dataDir, 'ledger-demo.sqlite'));
    expect(switches).toEqual([{ from: 'sim', to: 'demo' }]);
    await eventually(() => isTrading(h));
  }, 60_000);

  it('going live: refused without the acknowledgement, names a wrong phrase or version, records a correct one in the live DB only', async () => {
    const h = harness();
    await importSimAccountKey(sim, h.credentials, 'live');
    await h.runtime.start();
    const simLedger = h.runtime.current().store.ledger;
    const simRowsBefore = simLedger.read({ limit: 100_000 }).length;

    const noAck = await refusal(h.runtime.switchTo({ environment: 'live' }, device));
    expect(noAck.code).toBe('CONFLICT');
    expect(noAck.details).toMatchObject({ blockers: ['ACK_REQUIRED'] });
    const wrongPhrase = await refusal(
      h.runtime.switchTo(
        { environment: 'live', acknowledgement: { ...ACK, phrase: LIVE_ACK_PHRASE.toLowerCase() } },
        device,
      ),
    );
    expect(wrongPhrase.code).toBe('VALIDATION_FAILED');
    expect(wrongPhrase.details).toMatchObject({ field: 'acknowledgement.phrase' });
    expect(wrongPhrase.message.startsWith('acknowledgement.phrase')).toBe(true);
    const wrongVersion = await refusal(
      h.runtime.switchTo(
        {
          environment: 'live',
          acknowledgement: { ...ACK, liabilityTextVersion: LIABILITY_TEXT_VERSION + 1 },
        },
        device,
      ),
    );
    expect(wrongVersion.code).toBe('VALIDATION_FAILED');
    expect(wrongVersion.details).toMatchObject({ field: 'acknowledgement.liabilityTextVersion' });
    expect(h.runtime.current().environment).toBe('sim');
    expect(existsSync(join(h.dataDir, 'ledger-live.sqlite'))).toBe(false);

    const before = Date.now();
    await h.runtime.switchTo({ environment: 'live', acknowledgement: ACK }, device);
    const live = h.runtime.current();
    expect(live.environment).toBe('live');
    expect(live.store.file).toBe(join(h.dataDir, 'ledger-live.sqlite'));
    const acks = live.store.ledger.readByKind(LIVE_ACK_KIND);
    expect(acks).toHaveLength(1);
    expect(acks[0]).toMatchObject({
      source: 'agent',
      payload: {
        deviceId: device.deviceId,
        deviceName: device.name,
        phrase: LIVE_ACK_PHRASE,
        liabilityTextVersion: LIABILITY_TEXT_VERSION,
        fromEnvironment: 'sim',
      },
    });
    const ackedAt = LiveAckAt(acks[0]?.payload);
    expect(ackedAt).toBeGreaterThanOrEqual(before);
    await eventually(() => isTrading(h));

    await h.runtime.switchTo({ environment: 'sim' }, device);
    const simAgain = h.runtime.current().store.ledger;
    expect(simAgain.readByKind(LIVE_ACK_KIND)).toEqual([]);
    // Nothing the live session did landed in the sim database.
    expect(simAgain.read({ limit: 100_000 }).length).toBeGreaterThanOrEqual(simRowsBefore);
    expect(simAgain.read({ limit: 100_000 }).some((row) => row.kind === LIVE_ACK_KIND)).toBe(false);
  }, 60_000);

  it('reopens the previous environment when the switch fails mid-way, and reports the error', async () => {
    const h = harness();
    await importSimAccountKey(sim, h.credentials, 'demo');
    await h.runtime.start();
    await eventually(() => isTrading(h));
    const simStore = h.runtime.current().store;
    // A directory where the demo database file should be: opening the demo store fails for real.
    mkdirSync(join(h.dataDir, 'ledger-demo.sqlite'));

    const err = await refusal(h.runtime.switchTo({ environment: 'demo' }, device));
    expect(err.code).toBe('INTERNAL');
    expect(err.message).toBe('Switch to demo failed; back on sim (see the agent log)');
    const current = h.runtime.current();
    expect(current.environment).toBe('sim');
    expect(current.store).not.toBe(simStore);
    expect(current.store.file).toBe(join(h.dataDir, 'ledger-sim.sqlite'));
    expect(current.venue).not.toBeNull();
    await current.store.ledger.append([
      { source: 'test', sourceEventId: 'reopened', kind: 'test.probe', payload: {} },
    ]);
    await eventually(() => isTrading(h));
    expect(existsSync(join(h.dataDir, 'environment.json'))).toBe(false);
  }, 60_000);

  it('runs one switch at a time', async () => {
    const h = harness();
    await importSimAccountKey(sim, h.credentials, 'demo');
    await h.runtime.start();
    const results = await Promise.allSettled([
      h.runtime.switchTo({ environment: 'demo' }, device),
      h.runtime.switchTo({ environment: 'demo' }, device),
    ]);
    expect(results[0]?.status).toBe('fulfilled');
    const second = results[1];
    if (second?.status !== 'rejected' || !(second.reason instanceof AgentError))
      throw new Error('second switch ran');
    expect(second.reason.code).toBe('CONFLICT');
    expect(second.reason.details).toMatchObject({ blockers: ['SWITCH_IN_PROGRESS'] });
    expect(h.runtime.current().environment).toBe('demo');
    // Switching to where we are is a no-op success.
    expect((await h.runtime.switchTo({ environment: 'demo' }, device)).environment).toBe('demo');
  }, 60_000);
});

describe('start and stop around a switch', () => {
  it('a switch asked while the first venue starts waits for it; stop during a switch closes the new environment', async () => {
    const h = harness();
    await importSimAccountKey(sim, h.credentials, 'demo');
    h.runtime.open();
    const starting = h.runtime.startVenue();
    const switched = h.runtime.switchTo({ environment: 'demo' }, device);
    await starting;
    expect((await switched).environment).toBe('demo');

    const back = h.runtime.switchTo({ environment: 'sim' }, device);
    const stopped = h.runtime.stop();
    expect((await back).environment).toBe('sim');
    await stopped;
    const simStore = h.runtime.current().store;
    await expect(
      simStore.ledger.append([
        { source: 'test', sourceEventId: 'after-stop', kind: 'test.probe', payload: {} },
      ]),
    ).rejects.toMatchObject({ code: 'STORE_BUSY' });
    expect(h.connectors.map((connector) => connector.tradingState().mode)).toEqual([
      'halted',
      'halted',
      'halted',
    ]);
    const refused = await refusal(h.runtime.switchTo({ environment: 'demo' }, device));
    expect(refused.message).toBe('The agent is stopping');
  }, 60_000);
});

describe('starting in live', () => {
  it('halts without an acknowledgement of the current text, then a switch with one completes it', async () => {
    const h = harness({ environment: 'live', environmentSource: 'flag' });
    await importSimAccountKey(sim, h.credentials, 'live');
    await h.runtime.start();
    const current = h.runtime.current();
    expect(current.environment).toBe('live');
    expect(current.venue).toBeNull();
    expect(current.isAwaitingLiveAck).toBe(true);
    expect(h.runtime.tradingState()).toMatchObject({
      mode: 'halted',
      reason: 'Live needs your acknowledgement',
    });
    expect((await h.runtime.overview()).blockers.live).toEqual(['ACK_REQUIRED']);
    expect(h.connectors).toHaveLength(0);

    await h.runtime.switchTo({ environment: 'live', acknowledgement: ACK }, device);
    expect(h.runtime.current().venue).not.toBeNull();
    expect(h.runtime.current().store.ledger.readByKind(LIVE_ACK_KIND)).toHaveLength(1);
    await eventually(() => isTrading(h));
    await h.runtime.stop();

    // The acknowledgement is in the live ledger now: the next start trades.
    const again = createHarness({
      sim,
      dataDir: h.dataDir,
      credentials: h.credentials,
      environment: 'live',
      environmentSource: 'flag',
    });
    harnesses.push(again);
    await again.runtime.start();
    expect(again.runtime.current().isAwaitingLiveAck).toBe(false);
    expect(again.runtime.current().venue).not.toBeNull();
  }, 60_000);
});

function LiveAckAt(payload: unknown): number {
  if (typeof payload === 'object' && payload !== null && 'acknowledgedAtMs' in payload) {
    const at = payload.acknowledgedAtMs;
    if (typeof at === 'number') return at;
  }
  throw new Error('no acknowledgedAtMs');
}
