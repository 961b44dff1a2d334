import { AgentError } from '../lib/errors.js';
import { losslessJsonText, toJsonText } from './json-payload.js';
import { LedgerEventInput } from './ledger-event.js';
import type { LedgerRow } from './ledger-insert.js';

/** Must match LedgerEventInput.kind (the schema of record); ledger-row.prop.test.ts checks they agree. */
const KIND_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;

/**
 * Validates event `i` of an append and turns it into a row. The zod schema LedgerEventInput stays
 * the definition; this hand-written check of the same rules runs first because zod cost about as
 * much writer CPU as the SQLite insert. Only an event it does not accept goes through zod, which
 * then either accepts it (the check is never looser than the schema) or reports the error naming
 * `events[i].field`.
 */
export function toLedgerRow(event: unknown, i: number, nowMs: () => number): LedgerRow {
  if (isValidEventFields(event)) {
    const ingestTsMs = event.ingestTsMs;
    return [
      event.source,
      event.sourceEventId,
      event.kind,
      // The field path is built only for a payload the fast check refuses.
      losslessJsonText(event.payload) ?? toJsonText(event.payload, `events[${i}].payload`),
      event.venueTsMs ?? null,
      ingestTsMs ?? nowMs(),
    ];
  }
  const parsed = LedgerEventInput.safeParse(event);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = `events[${i}]${issue === undefined ? '' : issue.path.map((p) => `.${String(p)}`).join('')}`;
    throw new AgentError(
      'VALIDATION_FAILED',
      `${field}: ${issue?.message ?? 'invalid ledger event'}`,
      {},
      { field },
    );
  }
  const e = parsed.data;
  return [
    e.source,
    e.sourceEventId,
    e.kind,
    toJsonText(e.payload, `events[${i}].payload`),
    e.venueTsMs ?? null,
    e.ingestTsMs ?? nowMs(),
  ];
}

interface EventFields {
  source: string;
  sourceEventId: string;
  kind: string;
  payload: unknown;
  venueTsMs?: number | null;
  ingestTsMs?: number;
}

/** True only if LedgerEventInput certainly accepts `event` (same rules, no allocation). */
export function isValidEventFields(event: unknown): event is EventFields {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return false;
  // Property reads like zod's (own or inherited); Reflect.get keeps `event` typed as object.
  const source: unknown = Reflect.get(event, 'source');
  const sourceEventId: unknown = Reflect.get(event, 'sourceEventId');
  const kind: unknown = Reflect.get(event, 'kind');
  const venueTsMs: unknown = Reflect.get(event, 'venueTsMs');
  const ingestTsMs: unknown = Reflect.get(event, 'ingestTsMs');
  return (
    typeof source === 'string' &&
    source.length >= 1 &&
    source.length <= 200 &&
    typeof sourceEventId === 'string' &&
    sourceEventId.length >= 1 &&
    sourceEventId.length <= 500 &&
    typeof kind === 'string' &&
    kind.length <= 100 &&
    KIND_PATTERN.test(kind) &&
    (venueTsMs === undefined || venueTsMs === null || isNonNegativeSafeInt(venueTsMs)) &&
    (ingestTsMs === undefined || isNonNegativeSafeInt(ingestTsMs))
  );
}

function isNonNegativeSafeInt(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
