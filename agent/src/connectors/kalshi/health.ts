/**
 * Connector health → the `@pt/protocol` health components the trader sees (venue, API contract,
 * data liveness) plus reconciliation. Peers failed silently (peers.md §6): stale data looked
 * live, drifted schemas were defaulted. Every light here is derived from state, never assumed
 * green: no exchange answer yet is not "ok", no stream yet is not "live".
 */
import { MarketTicker, type ComponentHealth, type HealthLight } from '@pt/protocol';
import type { ContractState } from './contract/contract-monitor.js';
import type { VenueExchangeStatus } from './http/types.js';
import type { BucketBudget, RateBucket } from './rate-limit/types.js';
import type { GateState } from './reconcile/trading-gate.js';
import type { StreamState } from './ws/types.js';

export interface ExchangeObservation {
  /** The last parsed `/exchange/status`, or undefined if none succeeded yet. */
  status: VenueExchangeStatus | undefined;
  /** The last poll's failure, cleared by the next success. */
  error: string | undefined;
}

export interface HealthInputs {
  exchange: ExchangeObservation;
  contract: ContractState;
  /** Undefined before the stream was created. */
  stream: StreamState | undefined;
  gate: GateState;
  budget: Record<RateBucket, BucketBudget>;
}

export interface ConnectorHealth {
  /** Exchange status, reachability, reconciliation and token budget: may we trade at the venue? */
  venue: ComponentHealth;
  apiContract: ComponentHealth;
  dataLiveness: ComponentHealth & { staleTickers: MarketTicker[] };
  reconciliation: ComponentHealth;
}

type Light = { light: HealthLight; detail: string };

const RANK: Record<HealthLight, number> = { green: 0, amber: 1, red: 2 };

function worst(...lights: Light[]): Light {
  return lights.reduce((a, b) => (RANK[b.light] > RANK[a.light] ? b : a));
}

export function exchangeLight({ status, error }: ExchangeObservation): Light {
  if (error !== undefined) return { light: 'red', detail: `Kalshi unreachable: ${error}` };
  if (status === undefined) return { light: 'amber', detail: 'Kalshi exchange status not known yet' };
  if (!status.isExchangeActive) return { light: 'red', detail: 'Kalshi exchange closed (maintenance)' };
  if (!status.isTradingActive) {
    const resume =
      status.estimatedResumeAtMs === undefined
        ? ''
        : `, resumes ${new Date(status.estimatedResumeAtMs).toISOString()}`;
    return { light: 'amber', detail: `Trading paused on Kalshi${resume}` };
  }
  return { light: 'green', detail: 'Kalshi exchange open' };
}

export function reconciliationLight(gate: GateState): Light {
  switch (gate.phase) {
    case 'open':
      return { light: 'green', detail: 'Reconciled with the venue' };
    case 'reconciling':
      return { light: 'amber', detail: 'Trading halted: reconciling with the venue' };
    case 'not_started':
      return { light: 'amber', detail: 'Trading halted: not reconciled with the venue yet' };
    case 'stream_down':
      return { light: 'amber', detail: 'Trading halted: venue stream down, reconciling on reconnect' };
    case 'reconcile_failed':
      return { light: 'red', detail: `Trading halted: ${gate.reason}` };
  }
}

/** Amber when requests are queueing on a nearly empty bucket: orders will be slow, not lost. */
export function budgetLight(budget: Record<RateBucket, BucketBudget>): Light {
  const parts: string[] = [];
  let light: HealthLight = 'green';
  for (const bucket of ['read', 'write'] as const) {
    const b = budget[bucket];
    parts.push(`${bucket} ${Math.floor(b.tokens)}/${b.capacity}`);
    if (b.waiting > 0 && b.tokens < b.capacity / 10) light = 'amber';
  }
  return { light, detail: `Rate budget ${parts.join(', ')} tokens` };
}

export function contractLight(contract: ContractState): Light {
  const [latest] = contract.violations;
  if (latest !== undefined) {
    const more = contract.violations.length > 1 ? ` (+${contract.violations.length - 1} more)` : '';
    return {
      light: 'red',
      detail: `API contract broken: ${latest.where} field ${latest.field}: ${latest.message}${more}`,
    };
  }
  const unknown = contract.unknownFields.length;
  return {
    light: 'green',
    detail:
      unknown === 0
        ? 'Venue responses match our schemas'
        : `Venue responses match (${unknown} new fields seen)`,
  };
}

export function livenessLight(stream: StreamState | undefined): Light & { staleTickers: MarketTicker[] } {
  if (stream === undefined) return { light: 'amber', detail: 'Market data not started', staleTickers: [] };
  const staleTickers = Object.entries(stream.markets)
    .filter(([, market]) => market.isStale || !market.isQuotable)
    .map(([ticker]) => MarketTicker.safeParse(ticker))
    .flatMap((parsed) => (parsed.success ? [parsed.data] : []));
  if (stream.socket !== 'open') {
    const attempt = stream.failedAttempts > 0 ? `, attempt ${stream.failedAttempts}` : '';
    return { light: 'red', detail: `Kalshi WS ${stream.socket}${attempt}`, staleTickers };
  }
  const staleChannels = Object.entries(stream.channels)
    .filter(([, channel]) => channel.isStale)
    .map(([name]) => name);
  if (staleChannels.length > 0)
    return { light: 'red', detail: `Kalshi WS channels stale: ${staleChannels.join(', ')}`, staleTickers };
  if (staleTickers.length > 0)
    return { light: 'amber', detail: `${staleTickers.length} market(s) stale or resyncing`, staleTickers };
  return { light: 'green', detail: 'Market data live', staleTickers };
}

/**
 * Keeps when each light last changed colour (`sinceMs`), which the pure light functions cannot
 * know. One instance per connector.
 */
export class HealthTracker {
  private readonly since = new Map<string, { light: HealthLight; sinceMs: number }>();

  constructor(private readonly nowMs: () => number = Date.now) {}

  build(inputs: HealthInputs): ConnectorHealth {
    const reconciliation = reconciliationLight(inputs.gate);
    const venue = worst(exchangeLight(inputs.exchange), reconciliation, budgetLight(inputs.budget));
    const venueDetail = `${venue.detail}; ${budgetLight(inputs.budget).detail}`;
    const liveness = livenessLight(inputs.stream);
    return {
      venue: this.stamp('venue', { light: venue.light, detail: venueDetail }),
      apiContract: this.stamp('apiContract', contractLight(inputs.contract)),
      dataLiveness: { ...this.stamp('dataLiveness', liveness), staleTickers: liveness.staleTickers },
      reconciliation: this.stamp('reconciliation', reconciliation),
    };
  }

  private stamp(name: string, { light, detail }: Light): ComponentHealth {
    const previous = this.since.get(name);
    const sinceMs = previous !== undefined && previous.light === light ? previous.sinceMs : this.nowMs();
    this.since.set(name, { light, sinceMs });
    return { light, detail, sinceMs };
  }
}
