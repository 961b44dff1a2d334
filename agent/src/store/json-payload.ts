import { AgentError } from '../lib/errors.js';

/**
 * Serialises a ledger payload, refusing anything JSON.stringify would silently change: undefined
 * members (dropped), NaN/Infinity (become null), bigint/functions/symbols, class instances such as
 * Date or Map (become strings or `{}`), sparse arrays and cycles. A ledger must read back exactly
 * what was written, so a lossy payload is a caller bug reported with the path of the bad field.
 */
export function toJsonText(value: unknown, field: string): string {
  assertJsonValue(value, field, new Set());
  return JSON.stringify(value);
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
