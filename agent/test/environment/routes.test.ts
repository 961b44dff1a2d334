/**
 * `GET /v1/status`, `GET|POST /v1/environment` over a real loopback HTTP server: the real app,
 * guard and bearer middleware (a device paired in the real registry), the real runtime on the
 * simulator, keys in the real OS keychain (run under scripts/with-keyring.sh).
 */
import {
  LIABILITY_TEXT_VERSION,
  LIVE_ACK_PHRASE,
  EnvironmentOverview,
  ErrorBody,
  StatusResponse,
} from '@pt/protocol';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { createRequestGuard } from '../../src/api/guard/index.js';
import { environmentRoutes } from '../../src/api/routes/environment.routes.js';
import { statusRoutes } from '../../src/api/routes/status.routes.js';
import { startServer, type RunningServer } from '../../src/api/server.js';
import { bearerAuth } from '../../src/auth/bearer.middleware.js';
import { DeviceRegistry } from '../../src/auth/device-registry.js';
import { HealthReporter, LIVE_ACK_KIND } from '../../src/environment/index.js';
import { startSimVenue, type SimVenue } from '../helpers/sim-venue.js';
import { requireKeychain } from '../keychain/keyring-env.js';
import { createHarness, eventually, importSimAccountKey, logger, type Harness } from './harness.js';

let sim: SimVenue;
let h: Harness;
let server: RunningServer;
let token: string;
let deviceId: string;

beforeAll(async () => {
  await requireKeychain();
  sim = await startSimVenue({ seed: 34 });
  h = createHarness({ sim });
  await h.runtime.start();
  let port = 0;
  const registry = new DeviceRegistry({ dataDir: h.dataDir, idleExpiryDays: 30 });
  const reporter = new HealthReporter(h.runtime);
  const app = createApp({
    logger,
    health: () => ({
      status: 'ok',
      version: '0.0.0',
      protocolVersion: 1,
      environment: h.runtime.current().environment,
    }),
    guard: createRequestGuard({ port: () => port, allowedOrigins: [], logger }),
    protectedApi: {
      authenticate: bearerAuth(registry),
      routes: [statusRoutes({ reporter, agentStatus: () => 'ok' }), environmentRoutes(h.runtime)],
    },
  });
  server = await startServer(app, 0);
  port = server.port;
  const paired = registry.pair('Route test', origin());
  token = paired.token;
  deviceId = paired.device.deviceId;
}, 60_000);

beforeEach(requireKeychain);

afterAll(async () => {
  await server.close(100);
  await h.cleanup();
  await sim.stop();
});

function origin(): string {
  return `http://127.0.0.1:${server.port}`;
}

function call(method: 'GET' | 'POST', path: string, body?: unknown, withToken = true): Promise<Response> {
  return fetch(`${origin()}${path}`, {
    method,
    headers: {
      origin: origin(),
      ...(withToken ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function errorOf(response: Response, status: number): Promise<ErrorBody> {
  expect(response.status).toBe(status);
  return ErrorBody.parse(await response.json());
}

describe('GET /v1/status', () => {
  it('needs a token', async () => {
    expect((await call('GET', '/v1/status', undefined, false)).status).toBe(401);
  });

  it('answers StatusResponse: environment, trading state from the connector, health with the venue and store', async () => {
    await eventually(() => h.runtime.tradingState().mode === 'active');
    const response = await call('GET', '/v1/status');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const status = StatusResponse.parse(await response.json());
    expect(status).toMatchObject({
      environment: 'sim',
      tradingState: { mode: 'active' },
      protocolVersion: 1,
    });
    expect(status.health.environment).toBe('sim');
    expect(status.health.components.venue.detail).toContain('Kalshi exchange open');
    expect(status.health.components.store.detail).toContain('ledger-sim.sqlite');
    expect(status.health.components.sentiment).toMatchObject({
      light: 'amber',
      detail: 'Sentiment not configured',
    });
  });
});

describe('GET and POST /v1/environment', () => {
  it('shows the overview with the phrase and liability text to accept', async () => {
    const response = await call('GET', '/v1/environment');
    expect(response.status).toBe(200);
    const overview = EnvironmentOverview.parse(await response.json());
    expect(overview.environment).toBe('sim');
    expect(overview.liveAck).toMatchObject({
      phrase: LIVE_ACK_PHRASE,
      liabilityTextVersion: LIABILITY_TEXT_VERSION,
    });
    expect(overview.blockers.live).toEqual(['KEYS_MISSING', 'ACK_REQUIRED']);
  });

  it('refuses with the reasons (409), and names a bad field (422)', async () => {
    const refused = await errorOf(await call('POST', '/v1/environment', { environment: 'live' }), 409);
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      details: { blockers: ['KEYS_MISSING', 'ACK_REQUIRED'] },
    });
    const unknownField = await errorOf(
      await call('POST', '/v1/environment', { environment: 'demo', force: true }),
      422,
    );
    expect(unknownField.code).toBe('VALIDATION_FAILED');
    const notAccepted = await errorOf(
      await call('POST', '/v1/environment', {
        environment: 'live',
        acknowledgement: {
          phrase: LIVE_ACK_PHRASE,
          liabilityTextVersion: LIABILITY_TEXT_VERSION,
          acceptedLiability: false,
        },
      }),
      422,
    );
    expect(notAccepted.details).toMatchObject({ field: 'acknowledgement.acceptedLiability' });
    await importSimAccountKey(sim, h.credentials, 'live');
    const wrongPhrase = await errorOf(
      await call('POST', '/v1/environment', {
        environment: 'live',
        acknowledgement: {
          phrase: 'yes',
          liabilityTextVersion: LIABILITY_TEXT_VERSION,
          acceptedLiability: true,
        },
      }),
      422,
    );
    expect(wrongPhrase).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'acknowledgement.phrase' },
    });
    expect(h.runtime.current().environment).toBe('sim');
  });

  it('switches to live with the acknowledgement, recording the paired device', async () => {
    const response = await call('POST', '/v1/environment', {
      environment: 'live',
      acknowledgement: {
        phrase: LIVE_ACK_PHRASE,
        liabilityTextVersion: LIABILITY_TEXT_VERSION,
        acceptedLiability: true,
      },
    });
    expect(response.status).toBe(200);
    expect(EnvironmentOverview.parse(await response.json()).environment).toBe('live');
    const [ack] = h.runtime.current().store.ledger.readByKind(LIVE_ACK_KIND);
    expect(ack?.payload).toMatchObject({ deviceId, deviceName: 'Route test' });
    const status = StatusResponse.parse(await (await call('GET', '/v1/status')).json());
    expect(status.environment).toBe('live');
    expect(status.health.components.store.detail).toContain('ledger-live.sqlite');
  });
});
