import { AgentError } from '../lib/errors.js';

/**
 * Serialises a ledger payload, refusing anything JSON.stringify would silently change: undefined
 * members (dropped), NaN/Infinity (become null), bigint/functions/symbols, class instances such as
 * Date or Map (become strings or `{}`), sparse arrays and cycles. A ledger must read back exactly
 * what was written, so a lossy payload is a caller bug reported with the path of the bad field.
 */
export function toJsonText(value: unknown, field: string): string {
  // The fast check builds no field paths and keeps no ancestor set; only a payload it does not
  // accept is walked again by the precise check, which names the bad field (or accepts it: a
  // deep but acyclic payload only exceeds the fast check's depth bound).
  if (!isLosslessJson(value, 0)) assertJsonValue(value, field, new Set());
  return JSON.stringify(value);
}

/**
 * JSON.stringify(value) if the fast check accepts it, else undefined (then call toJsonText for the
 * error): lets a caller skip building the field path of each valid payload.
 */
export function losslessJsonText(value: unknown): string | undefined {
  return isLosslessJson(value, 0) ? JSON.stringify(value) : undefined;
}

/** Deeper than this, the fast check gives up (a cycle would otherwise recurse forever). */
const FAST_CHECK_MAX_DEPTH = 32;

/** True only if JSON.stringify(value) round-trips exactly; never throws. */
function isLosslessJson(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      if (value === null) return true;
      if (depth >= FAST_CHECK_MAX_DEPTH) return false;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i += 1) {
          if (!(i in value) || !isLosslessJson(value[i], depth + 1)) return false;
        }
        return true;
      } else {
        const proto: unknown = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) return false;
        const keys = Object.keys(value);
        for (let k = 0; k < keys.length; k += 1) {
          const key = keys[k];
          if (key === undefined || !isLosslessJson(Reflect.get(value, key), depth + 1)) return false;
        }
        return true;
      }
    case 'undefined':
    case 'bigint':
    case 'function':
    case 'symbol':
      return false;
  }
}

function fail(field: string, what: string): never {
  throw new AgentError(
    'VALIDATION_FAILED',
    `${field}: ${what} is not JSON-serialisable without loss`,
    {},
    { field },
  );
}

function assertJsonValue(value: unknown, field: string, ancestors: Set<object>): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) fail(field, `number ${value}`);
      return;
    case 'undefined':
    case 'bigint':
    case 'function':
    case 'symbol':
      fail(field, typeof value);
      break;
    case 'object':
      if (value === null) return;
      assertJsonContainer(value, field, ancestors);
  }
}

function assertJsonContainer(value: object, field: string, ancestors: Set<object>): void {
  if (ancestors.has(value)) fail(field, 'a circular reference');
  ancestors.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      if (!(i in value)) fail(`${field}[${i}]`, 'an array hole');
      assertJsonValue(value[i], `${field}[${i}]`, ancestors);
    }
  } else {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      fail(field, `an instance of ${value.constructor?.name ?? 'a class'}`);
    }
    for (const [key, member] of Object.entries(value)) assertJsonValue(member, `${field}.${key}`, ancestors);
  }
  ancestors.delete(value);
}
