/**
 * Contract test: every example message in fixtures/ parses with the schema it names and
 * round-trips unchanged (so a misspelt key, which z.object would strip silently, fails here);
 * every fixture in fixtures/invalid/ fails with an issue at its `expectedPath`; and every message
 * type of each union has at least one example.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HealthDetail } from './domain/health.js';
import { ErrorBody } from './errors.js';
import { CredentialsOverview, PutCredentialsRequest } from './rest/credentials.js';
import { EnvironmentOverview, StatusResponse, SwitchEnvironmentRequest } from './rest/environment.js';
import { HealthResponse } from './rest/health.js';
import { ActivityPage } from './rest/activity.js';
import { AmendOrderRequest, CancelAllResponse, OrderList, PlaceOrderRequest } from './rest/orders.js';
import { SetTradingModeRequest } from './rest/trading-controls.js';
import { StrategyList, UpdateStrategyRequest } from './rest/strategies.js';
import { FlattenReport, FlattenRequest } from './rest/flatten.js';
import { SentimentHistoryResponse, SentimentResponse } from './rest/sentiment.js';
import { AgentSentimentResponse } from './rest/agent-sentiment.js';
import { MarketsResponse } from './rest/markets.js';
import { RiskSettings } from './rest/risk-settings.js';
import {
  BalanceHistoryPage,
  PortfolioFillsPage,
  PortfolioResponse,
  PortfolioSettlementsPage,
} from './rest/portfolio.js';
import { DeviceList, PairRequest, PairResponse } from './rest/pairing.js';
import { ClientMessage } from './ws/client-messages.js';
import { ServerEvent, ServerMessage } from './ws/server-events.js';

declare global {
  interface ImportMeta {
    /** Vite's glob import, which vitest provides; declared here because protocol has no vite types. */
    glob(pattern: string, options: { eager: true; import: 'default' }): Record<string, unknown>;
  }
}

const SCHEMAS = {
  ServerEvent,
  ServerMessage,
  ClientMessage,
  ErrorBody,
  HealthResponse,
  HealthDetail,
  PairRequest,
  PairResponse,
  DeviceList,
  PutCredentialsRequest,
  CredentialsOverview,
  StatusResponse,
  SwitchEnvironmentRequest,
  EnvironmentOverview,
  PlaceOrderRequest,
  AmendOrderRequest,
  OrderList,
  CancelAllResponse,
  ActivityPage,
  SetTradingModeRequest,
  StrategyList,
  UpdateStrategyRequest,
  FlattenRequest,
  FlattenReport,
  SentimentResponse,
  SentimentHistoryResponse,
  PortfolioResponse,
  PortfolioFillsPage,
  PortfolioSettlementsPage,
  BalanceHistoryPage,
  MarketsResponse,
  RiskSettings,
  AgentSentimentResponse,
} as const;
const SchemaName = z.enum([
  'ServerEvent',
  'ServerMessage',
  'ClientMessage',
  'ErrorBody',
  'HealthResponse',
  'HealthDetail',
  'PairRequest',
  'PairResponse',
  'DeviceList',
  'PutCredentialsRequest',
  'CredentialsOverview',
  'StatusResponse',
  'SwitchEnvironmentRequest',
  'EnvironmentOverview',
  'PlaceOrderRequest',
  'AmendOrderRequest',
  'OrderList',
  'CancelAllResponse',
  'ActivityPage',
  'SetTradingModeRequest',
  'StrategyList',
  'UpdateStrategyRequest',
  'FlattenRequest',
  'FlattenReport',
  'SentimentResponse',
  'SentimentHistoryResponse',
  'PortfolioResponse',
  'PortfolioFillsPage',
  'PortfolioSettlementsPage',
  'BalanceHistoryPage',
  'MarketsResponse',
  'RiskSettings',
  'AgentSentimentResponse',
]);

const Fixture = z.strictObject({
  schema: SchemaName,
  note: z.string().optional(),
  message: z.unknown(),
  expectedPath: z.array(z.union([z.string(), z.number()])).optional(),
});

function load(files: Record<string, unknown>): [string, z.infer<typeof Fixture>][] {
  return Object.entries(files).map(([path, content]) => [path, Fixture.parse(content)]);
}

const valid = load(import.meta.glob('./fixtures/*.json', { eager: true, import: 'default' }));
const invalid = load(import.meta.glob('./fixtures/invalid/*.json', { eager: true, import: 'default' }));

function typesOf(union: { options: readonly { shape: { type: { value: string } } }[] }): string[] {
  return union.options.map((option) => option.shape.type.value);
}

describe('valid fixtures', () => {
  it('exist', () => {
    expect(valid.length).toBeGreaterThan(20);
  });

  it.each(valid)('%s parses and round-trips unchanged', (_path, fixture) => {
    expect(fixture.expectedPath).toBeUndefined();
    const result = SCHEMAS[fixture.schema].safeParse(fixture.message);
    expect(result.error?.issues ?? []).toEqual([]);
    expect(JSON.parse(JSON.stringify(result.data))).toEqual(fixture.message);
  });

  it.each([
    ['ServerEvent', typesOf(ServerEvent)],
    ['ServerMessage', typesOf(ServerMessage)],
    ['ClientMessage', typesOf(ClientMessage)],
  ] as const)('cover every %s type', (schema, types) => {
    const covered = new Set(
      valid.flatMap(([, fixture]) => {
        const message = z.object({ type: z.string() }).safeParse(fixture.message);
        const isSameUnion =
          fixture.schema === schema || (schema === 'ServerMessage' && fixture.schema === 'ServerEvent');
        return isSameUnion && message.success ? [message.data.type] : [];
      }),
    );
    expect(types.filter((type) => !covered.has(type))).toEqual([]);
  });

  it('cover every named schema', () => {
    const schemas = new Set(valid.map(([, fixture]) => fixture.schema));
    expect(SchemaName.options.filter((name) => !schemas.has(name))).toEqual([]);
  });
});

describe('invalid fixtures', () => {
  it('exist', () => {
    expect(invalid.length).toBeGreaterThan(10);
  });

  it.each(invalid)('%s fails at its expected path', (_path, fixture) => {
    expect(fixture.expectedPath).toBeDefined();
    const result = SCHEMAS[fixture.schema].safeParse(fixture.message);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(fixture.expectedPath);
  });
});
