/** auth first (within the timeout) → auth.accepted → hello ↔ hello (environment) or incompatible. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@pt/protocol';
import { StreamCloseCode } from '../../src/api/stream/index.js';
import type { Harness, TestClient } from './stream-harness.js';
import { DEVICE_A, ORIGIN, TOKEN_A, openClient, startHarness } from './stream-harness.js';

const AUTH_TIMEOUT_MS = 150;

async function expectUnauthorized(client: TestClient): Promise<void> {
  const error = await client.next();
  expect(error).toMatchObject({ type: 'error', error: { code: 'UNAUTHORIZED' } });
  expect((await client.closed).code).toBe(StreamCloseCode.UNAUTHORIZED);
  expect(client.messages).toEqual([]);
}

describe('stream handshake', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ authTimeoutMs: AUTH_TIMEOUT_MS });
  });
  afterAll(async () => {
    await h.close();
  });

  it('closes a socket that sends nothing within the auth timeout', async () => {
    const startedAt = Date.now();
    const client = await openClient(h.wsUrl);
    await expectUnauthorized(client);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(AUTH_TIMEOUT_MS - 5);
  });

  it('closes on a first message that is not auth, and never processes it', async () => {
    const client = await openClient(h.wsUrl);
    client.send({ type: 'subscribe', streams: ['orders'], tickers: [] });
    client.send({ type: 'auth', token: TOKEN_A });
    await expectUnauthorized(client);
    expect(h.hub.subscriberCount('orders')).toBe(0);
  });

  it('closes on a first message that is not JSON', async () => {
    const client = await openClient(h.wsUrl);
    client.send('{"type":"auth",');
    await expectUnauthorized(client);
  });

  it('closes on an unknown token', async () => {
    const client = await openClient(h.wsUrl);
    client.send({ type: 'auth', token: 'z'.repeat(43) });
    await expectUnauthorized(client);
  });

  it('closes on a revoked token', async () => {
    const token = 'r'.repeat(43);
    h.devices.add(token, { deviceId: DEVICE_A, name: 'Old', origin: ORIGIN });
    h.devices.revoke(DEVICE_A);
    h.devices.add(TOKEN_A, { deviceId: DEVICE_A, name: 'Laptop', origin: ORIGIN });
    const client = await openClient(h.wsUrl);
    client.send({ type: 'auth', token });
    await expectUnauthorized(client);
  });

  it('closes on a token paired from another allowed origin', async () => {
    const token = 'o'.repeat(43);
    h.devices.add(token, { deviceId: DEVICE_A, name: 'Other', origin: 'http://localhost:5173' });
    const client = await openClient(h.wsUrl);
    client.send({ type: 'auth', token });
    await expectUnauthorized(client);
  });

  it('accepts a good token, then answers hello with the environment', async () => {
    const client = await openClient(h.wsUrl);
    client.send({ type: 'auth', token: TOKEN_A, requestId: 'r1' });
    expect(await client.next()).toEqual({ type: 'auth.accepted' });
    h.environment = 'demo';
    client.send({ type: 'hello', protocolVersion: PROTOCOL_VERSION, clientVersion: 'web-1' });
    expect(await client.next()).toEqual({
      type: 'hello',
      protocolVersion: PROTOCOL_VERSION,
      agentVersion: '0.1.0-test',
      environment: 'demo',
      streamEpoch: h.hub.epoch,
    });
    h.environment = 'sim';
    // Past the auth and hello timeouts, the socket stays.
    await new Promise((resolve) => setTimeout(resolve, AUTH_TIMEOUT_MS * 2));
    client.send({ type: 'subscribe', streams: ['orders'], tickers: [] });
    expect(await client.next()).toEqual({ type: 'subscribed', streams: [{ stream: 'orders', seq: 0 }] });
    client.ws.close();
    await client.closed;
  });

  it('answers a newer client with incompatible and closes', async () => {
    const client = await openClient(h.wsUrl);
    client.send({ type: 'auth', token: TOKEN_A });
    await client.next();
    client.send({ type: 'hello', protocolVersion: PROTOCOL_VERSION + 1, clientVersion: 'web-9' });
    expect(await client.next()).toEqual({
      type: 'incompatible',
      reason: 'serverTooOld',
      agentProtocolVersion: PROTOCOL_VERSION,
    });
    expect((await client.closed).code).toBe(StreamCloseCode.INCOMPATIBLE);
  });

  it('closes a client that skips hello after auth', async () => {
    const client = await openClient(h.wsUrl);
    client.send({ type: 'auth', token: TOKEN_A });
    await client.next();
    client.send({ type: 'subscribe', streams: ['orders'], tickers: [] });
    expect(await client.next()).toMatchObject({ type: 'error', error: { code: 'BAD_REQUEST' } });
    expect((await client.closed).code).toBe(StreamCloseCode.PROTOCOL_ERROR);
    expect(h.hub.subscriberCount('orders')).toBe(0);
  });

  it('lets a malformed hello be corrected, but closes when hello never comes', async () => {
    const client = await openClient(h.wsUrl);
    client.send({ type: 'auth', token: TOKEN_A });
    await client.next();
    client.send({ type: 'hello', protocolVersion: PROTOCOL_VERSION });
    const error = await client.next();
    expect(error).toMatchObject({ type: 'error', error: { code: 'VALIDATION_FAILED' } });
    if (error.type === 'error') {
      expect(error.error.message).toMatch(/^clientVersion: /);
      expect(error.error.details?.field).toBe('clientVersion');
    }
    expect((await client.closed).code).toBe(StreamCloseCode.HANDSHAKE_TIMEOUT);
  });
});
