/**
 * The stream with the agent's real network guard and real device registry (devices.json in a temp
 * data dir): the pieces the integrator wires together, checked to fit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { PROTOCOL_VERSION } from '@pt/protocol';
import { createApp } from '../../src/api/app.js';
import { createRequestGuard } from '../../src/api/guard/index.js';
import { startServer } from '../../src/api/server.js';
import type { RunningServer } from '../../src/api/server.js';
import { StreamCloseCode, StreamHub, createStreamServer } from '../../src/api/stream/index.js';
import { DeviceRegistry } from '../../src/auth/device-registry.js';
import { openClient, refusedUpgrade } from './stream-harness.js';

const OTHER_ORIGIN = 'http://localhost:5173';

describe('stream with the real guard and device registry', () => {
  let dataDir: string;
  let server: RunningServer;
  let devices: DeviceRegistry;
  let canonical: string;
  let wsUrl: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pt-stream-'));
    const logger = pino({ level: 'silent' });
    let port = 0;
    const guard = createRequestGuard({ port: () => port, allowedOrigins: [OTHER_ORIGIN], logger });
    devices = new DeviceRegistry({ dataDir, idleExpiryDays: 30 });
    const stream = createStreamServer({
      guard,
      verifier: devices,
      revocations: devices,
      hub: new StreamHub(),
      environment: () => 'sim',
      agentVersion: '0.1.0',
      logger,
    });
    const app = createApp({
      logger,
      guard,
      health: () => ({
        status: 'ok',
        version: '0.1.0',
        protocolVersion: PROTOCOL_VERSION,
        environment: 'sim',
      }),
    });
    server = await startServer(app, 0, { upgrade: stream });
    port = server.port;
    canonical = guard.canonicalOrigin();
    wsUrl = `ws://127.0.0.1:${port}/v1/stream`;
  });
  afterAll(async () => {
    await server.close(500);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a device paired from the canonical origin authenticates, says hello, and is closed on revoke', async () => {
    const { token, device } = devices.pair('Laptop', canonical);
    const client = await openClient(wsUrl, { origin: canonical });
    client.send({ type: 'auth', token });
    expect(await client.next()).toEqual({ type: 'auth.accepted' });
    client.send({ type: 'hello', protocolVersion: PROTOCOL_VERSION, clientVersion: 'web' });
    expect(await client.next()).toMatchObject({ type: 'hello', environment: 'sim' });
    devices.revoke(device.deviceId);
    expect((await client.closed).code).toBe(StreamCloseCode.DEVICE_REVOKED);
  });

  it('refuses foreign and null origins and a rebound Host before the upgrade', async () => {
    expect((await refusedUpgrade(wsUrl, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await refusedUpgrade(wsUrl, { origin: 'null' })).status).toBe(403);
    const rebound = await refusedUpgrade(wsUrl, { origin: canonical, headers: { Host: 'evil.example' } });
    expect(rebound.status).toBe(421);
  });

  it('refuses a token used from another allowed origin than the one that paired it', async () => {
    const { token } = devices.pair('Desktop', canonical);
    const client = await openClient(wsUrl, { origin: OTHER_ORIGIN });
    client.send({ type: 'auth', token });
    expect(await client.next()).toMatchObject({ type: 'error', error: { code: 'UNAUTHORIZED' } });
    expect((await client.closed).code).toBe(StreamCloseCode.UNAUTHORIZED);
  });
});
