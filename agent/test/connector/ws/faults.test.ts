/**
 * Fault injection through the simulator's admin API, each with its expected outcome:
 * - WS drop → books unquotable → reconnect after a (jittered) backoff → resubscribed →
 *   `reconnected` (the connector's cue to reconcile) → books quotable again;
 * - silent stall (pings still answered) → market data stale → forced reconnect → recovers once
 *   the venue sends data again.
 */
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { BookRegistry } from '../../../src/connectors/kalshi/book/index.js';
import { KalshiStream, seededRandom } from '../../../src/connectors/kalshi/ws/index.js';
import { FED_MARKET, openTickers, startStreamHarness, until, type StreamHarness } from './stream-harness.js';

describe('KalshiStream faults against the simulator', () => {
  let h: StreamHarness | undefined;

  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('WS drop → unquotable → reconnect with backoff → resubscribed → reconnected → quotable', async () => {
    h = await startStreamHarness({
      sim: { speed: 60 },
      stream: { backoff: { initialDelayMs: 200, maxDelayMs: 2_000 } },
    });
    const harness = h;
    const weather = (await openTickers(harness, 'KXHIGHNY-')).slice(0, 2);
    await harness.stream.start();
    harness.stream.subscribeMarkets([FED_MARKET, ...weather]);
    const all = [FED_MARKET, ...weather];
    await until(() => all.every((t) => harness.books.get(t)?.isQuotable === true), 15_000, 'quotable books');
    const sidsBefore = harness.stream.state().channels;
    // Let the first handshake's signature age past the venue's 5 s window: the reconnect only
    // works if it is signed afresh.
    await new Promise((r) => setTimeout(r, 6_000));

    const disconnected = harness.waitFor('disconnected');
    const reconnected = harness.waitFor('reconnected');
    expect((await harness.sim.admin('/faults/ws/drop')).status).toBe(200);
    const drop = await disconnected;
    const droppedAtMs = Date.now();
    expect(drop.code).toBe(1006);
    expect(all.every((t) => harness.books.get(t)?.isQuotable === false)).toBe(true);
    expect(harness.stream.state().socket).toBe('backoff');

    const back = await reconnected;
    expect(back.attempt).toBe(1); // one failed attempt count: the drop itself
    expect(back.downMs).toBeGreaterThanOrEqual(0);
    // every channel answered its new subscribe (new sids, seq state reset)
    const state = harness.stream.state();
    expect(state.reconnects).toBe(1);
    expect(state.socket).toBe('open');
    for (const channel of [
      'orderbook_delta',
      'trade',
      'ticker',
      'fill',
      'user_orders',
      'market_positions',
      'market_lifecycle_v2',
    ] as const) {
      expect(state.channels[channel].sid, channel).not.toBeNull();
    }
    expect(sidsBefore.orderbook_delta.sid).not.toBeNull();
    await until(
      () => all.every((t) => harness.books.get(t)?.isQuotable === true),
      15_000,
      'books re-snapshotted',
    );
    expect(Date.now() - droppedAtMs).toBeLessThan(15_000);
  }, 90_000);

  it('silent stall (pings answered) → stale → forced reconnect → recovers when data flows', async () => {
    h = await startStreamHarness({
      sim: { speed: 1 },
      stream: {
        liveness: { quietProbeMs: 300, marketTimeoutMs: 1_200, checkIntervalMs: 100 },
        backoff: { initialDelayMs: 100, maxDelayMs: 500 },
      },
    });
    const harness = h;
    await harness.stream.start();
    harness.stream.subscribeMarkets([FED_MARKET]);
    await until(() => harness.books.get(FED_MARKET)?.isQuotable === true, 15_000, 'quotable book');
    // A quiet market is probed and stays fresh: no stale while data (probe answers) flows.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(harness.events.filter((e) => e.type === 'stale')).toEqual([]);

    const stale = harness.waitFor('stale', (e) => e.scope.kind === 'market', 10_000);
    const forced = harness.waitFor('stale', (e) => e.scope.kind === 'socket', 10_000);
    const dropped = harness.waitFor('disconnected', undefined, 10_000);
    expect((await harness.sim.admin('/faults/ws/stall', { is_stalled: true })).status).toBe(200);
    const staleEvent = await stale;
    expect(staleEvent.scope).toEqual({ kind: 'market', marketTicker: FED_MARKET });
    expect(harness.books.get(FED_MARKET)?.isQuotable).toBe(false);
    expect(harness.stream.state().markets[FED_MARKET]?.isStale).toBe(true);
    expect((await forced).reason).toMatch(/stall/);
    await dropped;

    const reconnected = harness.waitFor('reconnected', undefined, 15_000);
    expect((await harness.sim.admin('/faults/ws/stall', { is_stalled: false })).status).toBe(200);
    await reconnected;
    await until(() => harness.books.get(FED_MARKET)?.isQuotable === true, 15_000, 'quotable after the stall');
    expect(harness.stream.state().markets[FED_MARKET]).toMatchObject({ isStale: false, isQuotable: true });
  }, 90_000);

  it('a rejected handshake (401, unknown key) is retried with backoff, never crashes, and stops cleanly', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    h = await startStreamHarness({ stream: { backoff: { initialDelayMs: 50, maxDelayMs: 200 } } });
    const harness = h;
    const rogue = new KalshiStream({
      wsUrl: harness.sim.ws,
      credentials: { keyId: harness.sim.keyId, privateKey: stranger },
      books: new BookRegistry(),
      ledger: harness.store.ledger,
      contract: harness.contract,
      logger: pino({ level: 'silent' }),
      random: seededRandom(3),
      backoff: { initialDelayMs: 50, maxDelayMs: 200 },
    });
    let isStarted = false;
    void rogue.start().then(() => (isStarted = true));
    await until(() => rogue.state().failedAttempts >= 3, 10_000, 'three failed handshakes');
    expect(rogue.state().socket).not.toBe('open');
    expect(rogue.state().reconnects).toBe(0);
    await rogue.stop();
    expect(rogue.state().socket).toBe('stopped');
    await until(() => isStarted, 1_000, 'start() released by stop()');
  }, 60_000);
});
