/**
 * `GET /v1/strategies`, `GET|PUT /v1/strategies/:id` over a real loopback HTTP server: the real
 * app, guard and bearer middleware (a device paired in the real registry), the StrategyHost over
 * the real EnvironmentRuntime on the simulator and its real SQLite ledger; a restart on the same
 * data dir reads the settings back. Run under scripts/with-keyring.sh (the runtime's keychain).
 */
import { ErrorBody, STRATEGIES_PATH, StrategyList, StrategyStatus } from '@pt/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { createRequestGuard } from '../../src/api/guard/index.js';
import { strategiesRoutes } from '../../src/api/routes/strategies.routes.js';
import { startServer, type RunningServer } from '../../src/api/server.js';
import { bearerAuth } from '../../src/auth/bearer.middleware.js';
import { DeviceRegistry } from '../../src/auth/device-registry.js';
import { KalshiConnector } from '../../src/connectors/kalshi/connector.js';
import { ExecutionHost } from '../../src/execution/execution-host.js';
import { STRATEGY_SETTINGS_KIND, StrategyHost } from '../../src/strategy-host/index.js';
import { createHarness, logger, type Harness } from '../environment/harness.js';
import { startSimVenue, type SimVenue } from '../helpers/sim-venue.js';
import { requireKeychain } from '../keychain/keyring-env.js';

interface Agent {
  h: Harness;
  host: StrategyHost;
  execution: ExecutionHost;
  server: RunningServer;
  token: string;
}

let sim: SimVenue;
let agent: Agent;

async function startAgent(dataDir?: string): Promise<Agent> {
  const h = createHarness({ sim, ...(dataDir === undefined ? {} : { dataDir }) });
  await h.runtime.start();
  const execution = new ExecutionHost({ runtime: h.runtime, logger });
  const host = new StrategyHost({
    current: () => {
      const connector = h.runtime.current().venue?.connector;
      return {
        store: h.runtime.current().store,
        venue: connector instanceof KalshiConnector ? connector : null,
      };
    },
    execution: () => execution.current(),
    activity: { record: () => Promise.resolve(null) },
    logger,
  });
  const registry = new DeviceRegistry({ dataDir: h.dataDir, idleExpiryDays: 30 });
  let port = 0;
  const app = createApp({
    logger,
    health: () => ({ status: 'ok', version: '0.0.0', protocolVersion: 1, environment: 'sim' }),
    guard: createRequestGuard({ port: () => port, allowedOrigins: [], logger }),
    protectedApi: { authenticate: bearerAuth(registry), routes: [strategiesRoutes(host)] },
  });
  const server = await startServer(app, 0);
  port = server.port;
  const paired = registry.pair('Strategies test', `http://127.0.0.1:${port}`);
  return { h, host, execution, server, token: paired.token };
}

async function stopAgent(a: Agent): Promise<void> {
  a.host.close();
  a.execution.close();
  await a.server.close(100);
  await a.h.runtime.stop();
}

function call(method: string, path: string, body?: unknown, withToken = true): Promise<Response> {
  const origin = `http://127.0.0.1:${agent.server.port}`;
  return fetch(`${origin}${path}`, {
    method,
    headers: {
      origin,
      ...(withToken ? { authorization: `Bearer ${agent.token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

beforeAll(async () => {
  await requireKeychain();
  sim = await startSimVenue({ seed: 73 });
  agent = await startAgent();
}, 60_000);

afterAll(async () => {
  await agent.server.close(100);
  agent.host.close();
  agent.execution.close();
  await agent.h.cleanup();
  await sim.stop();
});

describe('/v1/strategies', () => {
  it('needs a token', async () => {
    expect((await call('GET', STRATEGIES_PATH, undefined, false)).status).toBe(401);
  });

  it('lists both strategies, disabled, with their defaults', async () => {
    const response = await call('GET', STRATEGIES_PATH);
    expect(response.status).toBe(200);
    const list = StrategyList.parse(await response.json());
    expect(list.strategies.map((s) => [s.id, s.isEnabled, s.changedAtMs])).toEqual([
      ['volatility-rider', false, null],
      ['hype-fade', false, null],
    ]);
  });

  it('answers 404 for an unknown strategy and 422 naming the bad field', async () => {
    expect((await call('GET', `${STRATEGIES_PATH}/no-such`)).status).toBe(404);
    const bad = await call('PUT', `${STRATEGIES_PATH}/hype-fade`, { config: { minMoveE4: 0.5 } });
    expect(bad.status).toBe(422);
    const body = ErrorBody.parse(await bad.json());
    expect(body.details).toMatchObject({ field: 'config.minMoveE4' });
    expect(body.message).toContain('config.minMoveE4');
    const empty = await call('PUT', `${STRATEGIES_PATH}/hype-fade`, {});
    expect(empty.status).toBe(422);
  });

  it('enables with a config, records it, and reads it back after a restart', async () => {
    const put = await call('PUT', `${STRATEGIES_PATH}/hype-fade`, {
      isEnabled: true,
      config: { markets: [{ ticker: 'KXCPI-25DEC-T0.3', topic: 'cpi' }], minMoveE4: 700 },
    });
    expect(put.status).toBe(200);
    const status = StrategyStatus.parse(await put.json());
    expect(status).toMatchObject({
      isEnabled: true,
      tickers: ['KXCPI-25DEC-T0.3'],
      config: { minMoveE4: 700 },
    });
    expect(agent.h.runtime.current().store.ledger.readByKind(STRATEGY_SETTINGS_KIND)).toHaveLength(1);

    const dataDir = agent.h.dataDir;
    await stopAgent(agent);
    agent = await startAgent(dataDir);
    const one = StrategyStatus.parse(await (await call('GET', `${STRATEGIES_PATH}/hype-fade`)).json());
    expect(one).toMatchObject({ isEnabled: true, config: { minMoveE4: 700, moveWindowMs: 300_000 } });
    const off = await call('PUT', `${STRATEGIES_PATH}/hype-fade`, { isEnabled: false });
    expect(StrategyStatus.parse(await off.json())).toMatchObject({
      isEnabled: false,
      config: { minMoveE4: 700 },
    });
  }, 60_000);
});
