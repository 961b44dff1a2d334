import { EventEmitter } from 'node:events';

/**
 * Live fault configuration, mutated by the `/_sim/faults/*` admin API and read by the REST
 * fault middleware and the WebSocket server. Counted faults (`remaining`) disarm themselves so a
 * test can script "the next 3 creates get a 503" precisely.
 */
export interface RequestMatch {
  /** Upper-case HTTP method; omitted = any. */
  method?: string | undefined;
  /** Path prefix under `/trade-api/v2` (e.g. `/portfolio/events/orders`); omitted = any. */
  pathPrefix?: string | undefined;
}

export type RestFaultKind = 'http_5xx' | 'too_many_requests' | 'lost_response' | 'empty_success';

export interface RestFault extends RequestMatch {
  kind: RestFaultKind;
  remaining: number;
  /** Status for `http_5xx` (500, 502, 503, 504). */
  status: number;
  /** For `lost_response`: how long to hold the request open before cutting it (0 = at once). */
  holdMs: number;
}

export interface DriftRule extends RequestMatch {
  field: string;
  /** New name; omitted = drop the field. */
  renameTo?: string | undefined;
  /** Responses still to rewrite; Infinity until cleared. */
  remaining: number;
}

export interface WsFaultEvents {
  drop: [];
}

export class FaultState {
  readonly rest: RestFault[] = [];
  readonly drift: DriftRule[] = [];
  /** Generation counter: each arm of the gap fault bumps it so every sid skips once. */
  seqGapGeneration = 0;
  /** Silent stall: data frames are withheld, pings/pongs and command replies still flow. */
  isWsStalled = false;
  readonly events = new EventEmitter<WsFaultEvents>();

  addRest(fault: RestFault): void {
    this.rest.push(fault);
  }

  /** Returns (and consumes one use of) the first armed REST fault matching the request. */
  takeRest(method: string, path: string): RestFault | undefined {
    const index = this.rest.findIndex((f) => f.remaining > 0 && matches(f, method, path));
    if (index < 0) return undefined;
    const fault = this.rest[index];
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.rest.splice(index, 1);
    return fault;
  }

  /** Drift rules that apply to this response; consumes one use of each. */
  takeDrift(method: string, path: string): DriftRule[] {
    const hits = this.drift.filter((r) => r.remaining > 0 && matches(r, method, path));
    for (const rule of hits) rule.remaining -= 1;
    for (let i = this.drift.length - 1; i >= 0; i -= 1) {
      const rule = this.drift[i];
      if (rule && rule.remaining <= 0) this.drift.splice(i, 1);
    }
    return hits;
  }

  armSeqGap(): void {
    this.seqGapGeneration += 1;
  }

  dropWsConnections(): void {
    this.events.emit('drop');
  }

  clear(): void {
    this.rest.length = 0;
    this.drift.length = 0;
    this.isWsStalled = false;
  }

  snapshot(): Record<string, unknown> {
    return {
      rest: this.rest.map((f) => ({ ...f })),
      drift: this.drift.map((r) => ({ ...r, remaining: Number.isFinite(r.remaining) ? r.remaining : null })),
      seq_gap_generation: this.seqGapGeneration,
      is_ws_stalled: this.isWsStalled,
    };
  }
}

function matches(m: RequestMatch, method: string, path: string): boolean {
  if (m.method !== undefined && m.method !== method.toUpperCase()) return false;
  if (m.pathPrefix !== undefined && !path.startsWith(m.pathPrefix)) return false;
  return true;
}
