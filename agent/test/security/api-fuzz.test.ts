/**
 * The real agent under >= 10,000 generated bad inputs, built from the protocol's request schemas:
 * no 5xx, no crash, every refusal is an ErrorBody naming the field, and nothing changed state.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DeviceList,
  EnvironmentOverview,
  ErrorBody,
  MarketTicker,
  MarketTradesQuery,
  marketTradesPath,
  CredentialsOverview,
  FlattenRequest,
  PairRequest,
  PlaceOrderRequest,
  PutCredentialsRequest,
  SetTradingModeRequest,
  StrategyList,
  SwitchEnvironmentRequest,
  UpdateStrategyRequest,
} from '@pt/protocol';
import type { z } from 'zod';
import { DEFAULT_RISK_SETTINGS, RiskSettings } from '../../src/risk/index.js';
import { killIfRunning, stopAgent } from '../process/spawn-agent.js';
import { badBodies } from './fuzz-bodies.js';
import type { PairedAgent } from './paired-agent.js';
import { startPairedAgent } from './paired-agent.js';

const SEED = 20_261_125;
const RUNS_PER_BODY_TARGET = 2_000;
const RUNS_PER_PATH_TARGET = 600;

interface BodyTarget {
  method: string;
  path: string;
  schema: z.ZodType;
  valid: Parameters<typeof badBodies>[1];
  auth: boolean;
}

const BODY_TARGETS: BodyTarget[] = [
  {
    method: 'POST',
    path: '/v1/pair',
    schema: PairRequest,
    valid: { code: 'ABCD-EFGH', deviceName: 'desk' },
    auth: false,
  },
  {
    method: 'PUT',
    path: '/v1/credentials',
    schema: PutCredentialsRequest,
    valid: {
      environment: 'demo',
      keyId: 'a952bcbe-ec3b-4b5b-b8f9-11dae589608c',
      privateKeyPem: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n',
    },
    auth: true,
  },
  {
    method: 'POST',
    path: '/v1/environment',
    schema: SwitchEnvironmentRequest,
    valid: {
      environment: 'live',
      acknowledgement: { phrase: 'x', liabilityTextVersion: 1, acceptedLiability: true },
    },
    auth: true,
  },
  {
    method: 'POST',
    path: '/v1/orders',
    schema: PlaceOrderRequest,
    valid: {
      ticker: 'KXHIGHNY-25NOV25-B58.5',
      side: 'bid',
      priceE4: 5600,
      countE2: 100,
      timeInForce: 'good_till_canceled',
      maxSlippageE4: 500,
    },
    auth: true,
  },
  {
    method: 'POST',
    path: '/v1/trading-state',
    schema: SetTradingModeRequest,
    valid: { mode: 'reducing', reason: 'fuzz' },
    auth: true,
  },
  {
    method: 'PUT',
    path: '/v1/risk/settings',
    schema: RiskSettings,
    valid: JSON.parse(JSON.stringify(DEFAULT_RISK_SETTINGS)) as Parameters<typeof badBodies>[1],
    auth: true,
  },
  {
    // Only refused bodies are generated, so no run starts (a valid press would halt the agent).
    method: 'POST',
    path: '/v1/flatten',
    schema: FlattenRequest,
    valid: { maxSlippageE4: 500, deadlineMs: 20_000 },
    auth: true,
  },
  {
    method: 'PUT',
    path: '/v1/strategies/volatility-rider',
    schema: UpdateStrategyRequest,
    valid: { isEnabled: false },
    auth: true,
  },
];

let paired: PairedAgent | undefined;
let sent = 0;

beforeAll(async () => {
  paired = await startPairedAgent();
}, 60_000);

afterAll(async () => {
  if (paired !== undefined) {
    const stopped = await stopAgent(paired.agent);
    expect(stopped.code).toBe(0);
  }
  killIfRunning(paired?.agent);
});

function agent(): PairedAgent {
  if (paired === undefined) throw new Error('agent not started');
  return paired;
}

/** Every refusal: a 4xx ErrorBody; input errors name the field in `details.field` and the message. */
async function expectFieldNamedRefusal(res: Response, context: string): Promise<void> {
  sent += 1;
  const text = await res.text();
  expect(res.status, `${context} → ${res.status} ${text}`).toBeGreaterThanOrEqual(400);
  expect(res.status, `${context} → ${res.status} ${text}`).toBeLessThan(500);
  const body = ErrorBody.parse(JSON.parse(text));
  const field = body.details?.['field'];
  expect(typeof field, `${context}: no details.field in ${text}`).toBe('string');
  expect(body.message, context).toContain(String(field));
}

describe('the agent API under generated bad input', () => {
  it.each(BODY_TARGETS)(
    '$method $path refuses every bad body naming the field',
    async (target) => {
      await fc.assert(
        fc.asyncProperty(badBodies(target.schema, target.valid), async (bad) => {
          const res = await agent().call(target.method, target.path, { body: bad.text, auth: target.auth });
          await expectFieldNamedRefusal(
            res,
            `${target.method} ${target.path} ${bad.kind}: ${bad.text.slice(0, 200)}`,
          );
        }),
        { numRuns: RUNS_PER_BODY_TARGET, seed: SEED },
      );
    },
    240_000,
  );

  it('refuses bad path parameters naming them', async () => {
    const id = fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s !== '.' && s !== '..');
    await fc.assert(
      fc.asyncProperty(id, fc.constantFrom('devices', 'credentials', 'backtests'), async (raw, resource) => {
        const path = `/v1/${resource}/${encodeURIComponent(raw)}`;
        const res = await agent().call(resource === 'backtests' ? 'GET' : 'DELETE', path);
        sent += 1;
        const text = await res.text();
        // A well-formed id that names nothing (device, backtest) is a 404; anything else is a 422.
        expect([404, 422], `${path} → ${res.status} ${text}`).toContain(res.status);
        const body = ErrorBody.parse(JSON.parse(text));
        if (res.status === 422) expect(body.message).toContain(String(body.details?.['field']));
      }),
      { numRuns: RUNS_PER_PATH_TARGET, seed: SEED },
    );
  }, 120_000);

  it('refuses bad market trades tickers and queries naming them', async () => {
    const badTicker = fc
      .string({ minLength: 1, maxLength: 80 })
      .filter((s) => s !== '.' && s !== '..' && !MarketTicker.safeParse(s).success);
    const badQuery = fc
      .record({ limit: fc.string({ maxLength: 12 }), cursor: fc.string({ maxLength: 300 }) })
      .filter((q) => !MarketTradesQuery.safeParse(q).success);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          badTicker.map((t) => marketTradesPath(t)),
          badQuery.map(
            (q) => `${marketTradesPath('KXHIGHNY-25NOV25-B58.5')}?${new URLSearchParams(q).toString()}`,
          ),
        ),
        async (path) => {
          const res = await agent().call('GET', path);
          await expectFieldNamedRefusal(res, `GET ${path}`);
        },
      ),
      { numRuns: RUNS_PER_PATH_TARGET, seed: SEED },
    );
  }, 120_000);

  it('sent at least 10,000 bad inputs and changed nothing', async () => {
    expect(sent).toBeGreaterThanOrEqual(10_000);
    const health = await agent().call('GET', '/v1/health', { auth: false });
    expect(health.status).toBe(200);
    const devices = DeviceList.parse(await (await agent().call('GET', '/v1/devices')).json());
    expect(devices.devices).toHaveLength(1);
    const credentials = CredentialsOverview.parse(
      await (await agent().call('GET', '/v1/credentials')).json(),
    );
    expect(credentials.credentials).toEqual([]);
    const environment = EnvironmentOverview.parse(
      await (await agent().call('GET', '/v1/environment')).json(),
    );
    expect(environment.environment).toBe('sim');
    // No Flatten All run was started, and no strategy was switched on.
    expect((await agent().call('GET', '/v1/flatten')).status).toBe(404);
    const strategies = StrategyList.parse(await (await agent().call('GET', '/v1/strategies')).json());
    expect(strategies.strategies.every((strategy) => !strategy.isEnabled)).toBe(true);
    expect(agent().agent.child.exitCode).toBeNull();
  });
});
