/**
 * `GET|POST /v1/trading-state`, `GET|PUT /v1/risk/settings` and `/v1/status` over a real loopback
 * HTTP server: the real app, guard and bearer middleware (a device paired in the real registry),
 * TradingControls over the real EnvironmentRuntime on the simulator (the venue gate is the real
 * connector's), real SQLite ledgers; a restart reopens the same data dir. Demo keys live in the
 * real OS keychain (run under scripts/with-keyring.sh, as `npm run test:unit` does).
 */
import {
  ErrorBody,
  RISK_SETTINGS_PATH,
  StatusResponse,
  TRADING_STATE_PATH,
  TradingState,
} from '@pt/protocol';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { createRequestGuard } from '../../src/api/guard/index.js';
import { statusRoutes } from '../../src/api/routes/status.routes.js';
import { tradingControlsRoutes } from '../../src/api/routes/trading-controls.routes.js';
import { startServer, type RunningServer } from '../../src/api/server.js';
import { bearerAuth } from '../../src/auth/bearer.middleware.js';
import { DeviceRegistry } from '../../src/auth/device-registry.js';
import { HealthReporter } from '../../src/environment/index.js';
import { DEFAULT_RISK_SETTINGS } from '../../src/risk/index.js';
import {
  RISK_SETTINGS_KIND,
  RiskSettingsRecord,
  TRADING_MODE_KIND,
  TradingControls,
  TradingModeRecord,
} from '../../src/trading-controls/index.js';
import {
  createHarness,
  eventually,
  importSimAccountKey,
  logger,
  type Harness,
} from '../environment/harness.js';
import { startSimVenue, type SimVenue } from '../helpers/sim-venue.js';
import { requireKeychain } from '../keychain/keyring-env.js';

interface Agent {
  h: Harness;
  controls: TradingControls;
  server: RunningServer;
}

let sim: SimVenue;
let registry: DeviceRegistry;
let agent: Agent;
let token: string;
let deviceId: string;

/** The agent's API as main.ts wires it, over the harness's runtime (optionally on an existing data dir). */
async function startAgent(dataDir?: string): Promise<Agent> {
  const h = createHarness({ sim, ...(dataDir === undefined ? {} : { dataDir }) });
  await h.runtime.start();
  const controls = new TradingControls({ runtime: h.runtime, logger });
  const reporter = new HealthReporter({
    current: () => h.runtime.current(),
    switchingTo: () => h.runtime.switchingTo(),
    tradingState: () => controls.tradingState(),
  });
  registry = new DeviceRegistry({ dataDir: h.dataDir, idleExpiryDays: 30 });
  let port = 0;
  const app = createApp({
    logger,
    health: () => ({ status: 'ok', version: '0.0.0', protocolVersion: 1, environment: 'sim' }),
    guard: createRequestGuard({ port: () => port, allowedOrigins: [], logger }),
    protectedApi: {
      authenticate: bearerAuth(registry),
      routes: [statusRoutes({ reporter, agentStatus: () => 'ok' }), tradingControlsRoutes(controls)],
    },
  });
  const server = await startServer(app, 0);
  port = server.port;
  // A paired device is bound to its origin, and the origin carries the port: pair on each start.
  const paired = registry.pair('Controls test', `http://127.0.0.1:${port}`);
  token = paired.token;
  deviceId = paired.device.deviceId;
  return { h, controls, server };
}

/** Stops the server and the runtime (store closed), keeping the data dir. */
async function stopAgent(a: Agent): Promise<void> {
  await a.server.close(100);
  await a.h.runtime.stop();
}

function origin(): string {
  return `http://127.0.0.1:${agent.server.port}`;
}

function call(method: string, path: string, body?: unknown, withToken = true): Promise<Response> {
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

async function stateOf(response: Response): Promise<TradingState> {
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return TradingState.parse(await response.json());
}

async function errorOf(response: Response, status: number): Promise<ErrorBody> {
  expect(response.status).toBe(status);
  return ErrorBody.parse(await response.json());
}

function modeRecords(a: Agent = agent): TradingModeRecord[] {
  return a.h.runtime
    .current()
    .store.ledger.readByKind(TRADING_MODE_KIND)
    .map((event) => TradingModeRecord.parse(event.payload));
}

beforeAll(async () => {
  await requireKeychain();
  sim = await startSimVenue({ seed: 71 });
  agent = await startAgent();
  await eventually(() => agent.h.runtime.tradingState().mode === 'active');
}, 60_000);

beforeEach(requireKeychain);

afterAll(async () => {
  await agent.server.close(100);
  await agent.h.cleanup();
  await sim.stop();
});

describe('/v1/trading-state', () => {
  it('needs a token', async () => {
    expect((await call('GET', TRADING_STATE_PATH, undefined, false)).status).toBe(401);
    expect((await call('POST', TRADING_STATE_PATH, { mode: 'halted', reason: 'x' }, false)).status).toBe(401);
  });

  it('is active once the real connector has reconciled and nobody switched it off', async () => {
    expect(await stateOf(await call('GET', TRADING_STATE_PATH))).toMatchObject({ mode: 'active' });
  });

  it('records the trader decision with the paired device, and status shows the effective state', async () => {
    const state = await stateOf(
      await call('POST', TRADING_STATE_PATH, { mode: 'reducing', reason: ' Exits only ' }),
    );
    expect(state).toMatchObject({ mode: 'reducing', reason: 'Exits only', changedBy: 'user' });
    expect(modeRecords().at(-1)).toMatchObject({
      changedBy: 'user',
      mode: 'reducing',
      reason: 'Exits only',
      deviceId,
      deviceName: 'Controls test',
      clearedSystemHalt: null,
    });
    const status = StatusResponse.parse(await (await call('GET', '/v1/status')).json());
    expect(status.tradingState).toEqual(state);
  });

  it('names the bad field (422) and records nothing', async () => {
    const before = modeRecords().length;
    const badMode = await errorOf(await call('POST', TRADING_STATE_PATH, { mode: 'on', reason: 'x' }), 422);
    expect(badMode).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'mode' } });
    const noReason = await errorOf(
      await call('POST', TRADING_STATE_PATH, { mode: 'active', reason: '  ' }),
      422,
    );
    expect(noReason.details).toMatchObject({ field: 'reason' });
    expect(noReason.message.startsWith('reason: ')).toBe(true);
    await errorOf(await call('POST', TRADING_STATE_PATH, { mode: 'active', reason: 'x', force: true }), 422);
    expect(modeRecords()).toHaveLength(before);
  });

  it('keeps a system halt across a restart until a human switches trading back on over the API', async () => {
    await agent.controls.haltBySystem('daily_loss', 'Daily loss limit $100.00 reached');
    expect(await stateOf(await call('GET', TRADING_STATE_PATH))).toMatchObject({
      mode: 'halted',
      changedBy: 'system',
      reason: 'Daily loss limit $100.00 reached',
    });

    const dataDir = agent.h.dataDir;
    await stopAgent(agent);
    agent = await startAgent(dataDir);
    // The venue reconciles and opens its gate; the halt still holds.
    await eventually(() => agent.h.runtime.tradingState().mode === 'active');
    expect(await stateOf(await call('GET', TRADING_STATE_PATH))).toMatchObject({
      mode: 'halted',
      changedBy: 'system',
    });
    // A trader's own halt does not clear it; switching on does.
    await call('POST', TRADING_STATE_PATH, { mode: 'halted', reason: 'Looking' });
    expect(agent.controls.currentSwitch().systemHalt()?.cause).toBe('daily_loss');
    const on = await stateOf(
      await call('POST', TRADING_STATE_PATH, { mode: 'active', reason: 'Reviewed the losses' }),
    );
    expect(on).toMatchObject({ mode: 'active', changedBy: 'user', reason: 'Reviewed the losses' });
    expect(modeRecords().at(-1)).toMatchObject({
      deviceId,
      clearedSystemHalt: { cause: 'daily_loss', reason: 'Daily loss limit $100.00 reached' },
    });
  }, 60_000);

  it('follows the environment: demo has its own switch, sim its own on the way back', async () => {
    await call('POST', TRADING_STATE_PATH, { mode: 'halted', reason: 'Sim paused' });
    await importSimAccountKey(sim, agent.h.credentials, 'demo');
    await agent.h.runtime.switchTo(
      { environment: 'demo' },
      { deviceId: 'dev_x0000000001', name: 'x', origin: origin() },
    );
    await eventually(() => agent.h.runtime.tradingState().mode === 'active');
    expect(await stateOf(await call('GET', TRADING_STATE_PATH))).toMatchObject({ mode: 'active' });
    expect(modeRecords()).toEqual([]);
    await agent.h.runtime.switchTo(
      { environment: 'sim' },
      { deviceId: 'dev_x0000000001', name: 'x', origin: origin() },
    );
    await eventually(() => agent.h.runtime.tradingState().mode === 'active');
    expect(await stateOf(await call('GET', TRADING_STATE_PATH))).toMatchObject({
      mode: 'halted',
      reason: 'Sim paused',
    });
    await call('POST', TRADING_STATE_PATH, { mode: 'active', reason: 'Back on' });
  }, 60_000);
});

describe('/v1/risk/settings', () => {
  it('answers the defaults, then a full PUT changes them and records the diff with the device', async () => {
    const got = await call('GET', RISK_SETTINGS_PATH);
    expect(got.status).toBe(200);
    expect(await got.json()).toEqual(DEFAULT_RISK_SETTINGS);
    const next = { ...DEFAULT_RISK_SETTINGS, maxOpenOrders: 12, dailyLossLimitE6: 40_000_000 };
    const put = await call('PUT', RISK_SETTINGS_PATH, next);
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual(next);
    expect(await (await call('GET', RISK_SETTINGS_PATH)).json()).toEqual(next);
    const [record] = agent.h.runtime
      .current()
      .store.ledger.readByKind(RISK_SETTINGS_KIND)
      .map((event) => RiskSettingsRecord.parse(event.payload));
    expect(record).toMatchObject({
      settings: next,
      changes: [
        { field: 'maxOpenOrders', before: DEFAULT_RISK_SETTINGS.maxOpenOrders, after: 12 },
        { field: 'dailyLossLimitE6', before: DEFAULT_RISK_SETTINGS.dailyLossLimitE6, after: 40_000_000 },
      ],
      deviceId,
    });
  });

  it('refuses a bad value, a missing field and an unknown field with 422, changing nothing', async () => {
    const before: unknown = await (await call('GET', RISK_SETTINGS_PATH)).json();
    const count = () => agent.h.runtime.current().store.ledger.readByKind(RISK_SETTINGS_KIND).length;
    const recorded = count();
    const tooLow = await errorOf(
      await call('PUT', RISK_SETTINGS_PATH, { ...DEFAULT_RISK_SETTINGS, maxOpenOrders: 0 }),
      422,
    );
    expect(tooLow).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'maxOpenOrders' } });
    expect(tooLow.message.startsWith('maxOpenOrders: ')).toBe(true);
    const fraction = await errorOf(
      await call('PUT', RISK_SETTINGS_PATH, { ...DEFAULT_RISK_SETTINGS, dailyLossLimitE6: 1.5 }),
      422,
    );
    expect(fraction.details).toMatchObject({ field: 'dailyLossLimitE6' });
    const { lossCooldownMs: _dropped, ...partial } = DEFAULT_RISK_SETTINGS;
    const missing = await errorOf(await call('PUT', RISK_SETTINGS_PATH, partial), 422);
    expect(missing.details).toMatchObject({ field: 'lossCooldownMs' });
    const unknown = await errorOf(
      await call('PUT', RISK_SETTINGS_PATH, { ...DEFAULT_RISK_SETTINGS, maxLoss: 1 }),
      422,
    );
    expect(unknown.message).toContain('maxLoss');
    expect(await (await call('GET', RISK_SETTINGS_PATH)).json()).toEqual(before);
    expect(count()).toBe(recorded);
  });
});
