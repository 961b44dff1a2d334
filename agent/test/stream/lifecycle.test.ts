/** Closes the agent initiates: revocation, environment switch, slow consumer, rate, heartbeat, stop. */
import { afterEach, describe, expect, it } from 'vitest';
import { StreamCloseCode } from '../../src/api/stream/index.js';
import type { Harness, HarnessOptions } from './stream-harness.js';
import {
  DEVICE_A,
  TOKEN_A,
  TOKEN_B,
  eventually,
  readyClient,
  startHarness,
  tradingStateEvent,
} from './stream-harness.js';

describe('stream lifecycle', () => {
  let h: Harness | undefined;
  const start = async (options: HarnessOptions = {}): Promise<Harness> => {
    h = await startHarness(options);
    return h;
  };
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('revocation closes only that device’s sockets, at once', async () => {
    const { wsUrl, devices, stream } = await start();
    const a1 = await readyClient(wsUrl, TOKEN_A);
    const a2 = await readyClient(wsUrl, TOKEN_A);
    const b = await readyClient(wsUrl, TOKEN_B);
    devices.revoke(DEVICE_A);
    expect((await a1.closed).code).toBe(StreamCloseCode.DEVICE_REVOKED);
    expect((await a2.closed).code).toBe(StreamCloseCode.DEVICE_REVOKED);
    await eventually(() => stream.connectionCount() === 1);
    b.send({ type: 'subscribe', streams: ['orders'], tickers: [] });
    expect(await b.next()).toMatchObject({ type: 'subscribed' });
  });

  it('closeAll closes every socket with the given code; reconnecting sees the new environment', async () => {
    const harness = await start();
    const clients = await Promise.all([
      readyClient(harness.wsUrl, TOKEN_A),
      readyClient(harness.wsUrl, TOKEN_B),
    ]);
    harness.environment = 'demo';
    harness.stream.closeAll(StreamCloseCode.ENVIRONMENT_CHANGED, 'environment changed');
    for (const client of clients)
      expect((await client.closed).code).toBe(StreamCloseCode.ENVIRONMENT_CHANGED);
    const again = await readyClient(harness.wsUrl, TOKEN_A);
    again.send({ type: 'subscribe', streams: ['orders'], tickers: [] });
    expect(await again.next()).toMatchObject({ type: 'subscribed' });
  });

  it('closes a slow consumer with its code; a reading socket keeps every event', async () => {
    const { wsUrl, hub } = await start({ hub: { maxBufferedBytes: 256 * 1024 } });
    const slow = await readyClient(wsUrl, TOKEN_A);
    const fast = await readyClient(wsUrl, TOKEN_B);
    for (const client of [slow, fast]) {
      client.send({ type: 'subscribe', streams: ['trading_state'], tickers: [] });
      await client.next();
    }
    slow.ws.pause();
    const reason = 'x'.repeat(16 * 1024);
    let published = 0;
    // Loopback kernel buffers take a few MiB before the agent's queue grows: publish until it drops.
    while (hub.subscriberCount('trading_state') === 2 && published < 20_000) {
      hub.publish(tradingStateEvent(reason));
      published += 1;
      if (published % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    expect(hub.subscriberCount('trading_state')).toBe(1);
    slow.ws.resume();
    expect((await slow.closed).code).toBe(StreamCloseCode.SLOW_CONSUMER);
    let last = 0;
    while (last < published) {
      const message = await fast.next();
      if ('seq' in message) last = message.seq;
    }
    expect(last).toBe(published);
    expect(fast.ws.readyState).toBe(fast.ws.OPEN);
  });

  it('refuses messages over the rate, then closes a socket that keeps flooding', async () => {
    const { wsUrl, hub } = await start({ messagesPerSecond: 10 });
    const client = await readyClient(wsUrl);
    for (let i = 0; i < 40; i += 1) client.send({ type: 'subscribe', streams: ['orders'], tickers: [] });
    const replies = [];
    for (;;) {
      const message = await client.next().catch(() => null);
      if (message === null) break;
      replies.push(message);
    }
    const limited = replies.filter((m) => m.type === 'error');
    // One error per run of refusals (a token refilled mid-flood would start a second run).
    expect(limited.length).toBeGreaterThanOrEqual(1);
    for (const error of limited) expect(error).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    // The burst budget left after auth + hello went through; the rest were refused.
    expect(replies.filter((m) => m.type === 'subscribed').length).toBeLessThanOrEqual(10);
    expect((await client.closed).code).toBe(StreamCloseCode.RATE_LIMITED);
    expect(hub.subscriberCount('orders')).toBe(0);
  });

  it('terminates a socket that stops answering pings; one that answers stays', async () => {
    const { wsUrl, stream } = await start({ pingIntervalMs: 60 });
    const silent = await readyClient(wsUrl, TOKEN_A, { autoPong: false });
    const alive = await readyClient(wsUrl, TOKEN_B);
    expect((await silent.closed).code).toBe(1006);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(alive.ws.readyState).toBe(alive.ws.OPEN);
    await eventually(() => stream.connectionCount() === 1);
  });

  it('server close sends going-away to every socket and finishes within the stop budget', async () => {
    const harness = await start();
    const clients = await Promise.all([readyClient(harness.wsUrl, TOKEN_A), readyClient(harness.wsUrl)]);
    const startedAt = Date.now();
    await harness.close();
    h = undefined;
    expect(Date.now() - startedAt).toBeLessThan(2_000);
    for (const client of clients) expect((await client.closed).code).toBe(StreamCloseCode.GOING_AWAY);
  });

  it('server close cuts a client that never answers its close frame', async () => {
    const harness = await start({ closeGraceMs: 100 });
    const stuck = await readyClient(harness.wsUrl, TOKEN_A);
    stuck.ws.pause();
    const startedAt = Date.now();
    await harness.close();
    h = undefined;
    expect(Date.now() - startedAt).toBeLessThan(1_500);
    stuck.ws.resume();
    expect([StreamCloseCode.GOING_AWAY, 1006]).toContain((await stuck.closed).code);
  });
});
