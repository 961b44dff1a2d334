/**
 * The full health the paired UI sees (`GET /v1/status`, and the WS stream's health events): the
 * current environment's connector health, the store's write queue, sentiment and the models. Without a
 * venue (live awaiting its acknowledgement, a venue that did not start, a switch under way) the
 * venue light says why instead of pretending.
 */
import { basename } from 'node:path';
import {
  PROTOCOL_VERSION,
  type AgentStatus,
  type ComponentHealth,
  type HealthDetail,
  type HealthLight,
  type StatusResponse,
  type TradingEnvironment,
  type TradingState,
} from '@pt/protocol';
import { AGENT_VERSION } from '../lib/version.js';
import type { ModelsHealth } from '../ml/index.js';
import type { WriteQueueStats } from '../store/index.js';
import { modelsComponent } from './models-health.js';
import type { CurrentEnvironment } from './types.js';

/** Rows waiting in the write queue before the store light turns amber / red (it refuses at 100,000). */
export const STORE_AMBER_ROWS = 10_000;
export const STORE_RED_ROWS = 50_000;

export interface HealthSource {
  current(): CurrentEnvironment;
  tradingState(): TradingState;
  switchingTo(): TradingEnvironment | undefined;
  /** The sentiment monitor's light (vibe reachable, data fresh, kill switch); undefined = not configured. */
  sentiment?: () => Light | undefined;
  /** The model registry's health; undefined while loading. Without this source no models component. */
  models?: () => ModelsHealth | undefined;
}

type Light = { light: HealthLight; detail: string };

export function storeLight(file: string, stats: WriteQueueStats): Light {
  const rows = stats.pendingRows;
  if (rows >= STORE_RED_ROWS)
    return {
      light: 'red',
      detail: `Write queue backing up: ${rows} rows waiting; new writes refused past 100,000`,
    };
  if (rows >= STORE_AMBER_ROWS) return { light: 'amber', detail: `Write queue busy: ${rows} rows waiting` };
  return { light: 'green', detail: `${basename(file)}: ${rows} rows waiting to be written` };
}

export class HealthReporter {
  private readonly since = new Map<string, { light: HealthLight; sinceMs: number }>();

  constructor(
    private readonly source: HealthSource,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** `status` is the agent's own (starting, ok, stopping); `ok` becomes `degraded` while any light is red. */
  healthDetail(status: AgentStatus): HealthDetail {
    const active = this.source.current();
    const to = this.source.switchingTo();
    const connector = to === undefined ? active.venue?.connector.health() : undefined;
    const notConnected =
      to === undefined
        ? (active.noVenue ?? { light: 'amber' as const, reason: 'No venue connected' })
        : { light: 'amber' as const, reason: `Switching from ${active.environment} to ${to}` };
    const components: HealthDetail['components'] = {
      venue:
        connector?.venue ?? this.stamp('venue', { light: notConnected.light, detail: notConnected.reason }),
      apiContract:
        connector?.apiContract ??
        this.stamp('apiContract', { light: 'amber', detail: 'Not checked: no venue connected' }),
      dataLiveness: connector?.dataLiveness ?? {
        ...this.stamp('dataLiveness', { light: 'amber', detail: 'Market data not started' }),
        staleTickers: [],
      },
      store: this.stamp('store', storeLight(active.store.file, active.store.queueStats())),
      sentiment: this.stamp(
        'sentiment',
        this.source.sentiment?.() ?? { light: 'amber', detail: 'Sentiment not configured' },
      ),
    };
    const models = this.source.models;
    if (models !== undefined)
      components.models = modelsComponent(models(), this.nowMs(), (light) => this.stamp('models', light));
    const isRed = Object.values(components).some((component) => component?.light === 'red');
    return {
      status: status === 'ok' && isRed ? 'degraded' : status,
      environment: active.environment,
      components,
      checkedAtMs: this.nowMs(),
    };
  }

  /** `GET /v1/status`. */
  status(status: AgentStatus): StatusResponse {
    const health = this.healthDetail(status);
    return {
      status: health.status,
      environment: health.environment,
      tradingState: this.source.tradingState(),
      health,
      agentVersion: AGENT_VERSION,
      protocolVersion: PROTOCOL_VERSION,
    };
  }

  /** When a light last changed colour (the connector keeps its own; these are the others). */
  private stamp(name: string, { light, detail }: Light): ComponentHealth {
    const previous = this.since.get(name);
    const sinceMs = previous !== undefined && previous.light === light ? previous.sinceMs : this.nowMs();
    this.since.set(name, { light, sinceMs });
    return { light, detail, sinceMs };
  }
}
