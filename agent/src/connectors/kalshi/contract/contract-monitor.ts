/**
 * The "API contract" health light. Kalshi's API drifts (fields renamed, types changed, legacy
 * fields removed); peers that defaulted missing fields traded blind. Every parser at the edge
 * reports here: a missing or mistyped required field turns the light red with the endpoint or
 * channel and the field path, and the request or frame fails closed. Unknown extra fields are
 * tolerated and reported once each, so a new venue field is visible without being an outage.
 */
export type ContractSource = 'rest' | 'ws';

export interface ContractViolation {
  source: ContractSource;
  /** REST endpoint (`GET /markets/{ticker}`) or WS channel (`orderbook_delta`). */
  where: string;
  /** Dotted field path inside the message, e.g. `market.yes_bid_dollars`. */
  field: string;
  message: string;
  atMs: number;
}

export interface UnknownField {
  source: ContractSource;
  where: string;
  field: string;
  firstSeenMs: number;
}

export interface ContractState {
  status: 'green' | 'red';
  /** Most recent violations first, at most MAX_KEPT. */
  violations: ContractViolation[];
  unknownFields: UnknownField[];
}

const MAX_KEPT = 50;

export class ContractMonitor {
  private readonly violations: ContractViolation[] = [];
  private readonly unknown = new Map<string, UnknownField>();
  private readonly listeners = new Set<(state: ContractState) => void>();

  constructor(private readonly nowMs: () => number = Date.now) {}

  /** A required field was missing or mistyped: the light goes red until `acknowledge()`. */
  reportViolation(violation: Omit<ContractViolation, 'atMs'>): void {
    this.violations.unshift({ ...violation, atMs: this.nowMs() });
    if (this.violations.length > MAX_KEPT) this.violations.length = MAX_KEPT;
    this.emit();
  }

  /** An extra field the schema does not know. Returns true the first time (log it then, once). */
  reportUnknownField(source: ContractSource, where: string, field: string): boolean {
    const key = `${source} ${where} ${field}`;
    if (this.unknown.has(key)) return false;
    this.unknown.set(key, { source, where, field, firstSeenMs: this.nowMs() });
    this.emit();
    return true;
  }

  /** A human (or a fixed release) cleared the light; unknown fields stay listed. */
  acknowledge(): void {
    this.violations.length = 0;
    this.emit();
  }

  state(): ContractState {
    return {
      status: this.violations.length === 0 ? 'green' : 'red',
      violations: [...this.violations],
      unknownFields: [...this.unknown.values()],
    };
  }

  onChange(listener: (state: ContractState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    const state = this.state();
    for (const listener of this.listeners) listener(state);
  }
}
