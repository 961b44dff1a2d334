import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LedgerEventInput } from './ledger-event.js';
import { isValidEventFields, toLedgerRow } from './ledger-row.js';

const SEED = 20_261_125;

/** Strings around the length bounds, and kinds near the dotted-lower-case pattern. */
const text = fc.oneof(
  fc.string({ maxLength: 3 }),
  fc.string({ minLength: 195, maxLength: 205 }),
  fc.string({ minLength: 495, maxLength: 505 }),
  fc.stringMatching(/^[a-z][a-z0-9_]{0,8}(\.[a-z0-9_]{1,6}){0,2}$/),
  fc.constantFrom('market.trade', 'Order.intent', 'a.', '.a', 'a..b', '9x', 'a'.repeat(100), 'a'.repeat(101)),
);
const anyValue = fc.oneof(
  text,
  fc.integer(),
  fc.constantFrom(
    0,
    -0,
    -1,
    2 ** 53 - 1,
    2 ** 53,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    null,
    undefined,
    true,
  ),
  fc.bigInt(),
  fc.constant([]),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const eventLike = fc.record(
  {
    source: anyValue,
    sourceEventId: anyValue,
    kind: anyValue,
    payload: fc.jsonValue({ maxDepth: 1 }),
    venueTsMs: maybe(anyValue),
    ingestTsMs: maybe(anyValue),
  },
  { requiredKeys: [] },
);
const likelyValid = fc.record({
  source: fc.string({ minLength: 1, maxLength: 200 }),
  sourceEventId: fc.string({ minLength: 1, maxLength: 500 }),
  kind: fc.stringMatching(/^[a-z][a-z0-9_]{0,8}(\.[a-z0-9_]{1,6}){0,2}$/),
  payload: fc.jsonValue({ maxDepth: 1 }),
  venueTsMs: maybe(fc.oneof(fc.constant(null), fc.nat(), fc.constant(2 ** 53))),
  ingestTsMs: maybe(fc.oneof(fc.nat(), fc.constant(-1))),
});

describe('ledger event fast check (properties)', () => {
  it('accepts exactly what the zod schema of record accepts', () => {
    fc.assert(
      fc.property(fc.oneof(eventLike, likelyValid, anyValue), (event) => {
        expect(isValidEventFields(event)).toBe(LedgerEventInput.safeParse(event).success);
      }),
      { seed: SEED, numRuns: 3_000 },
    );
  });

  it('builds the same row on the fast path as through zod', () => {
    fc.assert(
      fc.property(likelyValid, fc.nat({ max: 99 }), (event, i) => {
        const parsed = LedgerEventInput.safeParse(event);
        if (!parsed.success) {
          expect(() => toLedgerRow(event, i, () => 7)).toThrow(`events[${i}]`);
          return;
        }
        const e = parsed.data;
        expect(toLedgerRow(event, i, () => 7)).toEqual([
          e.source,
          e.sourceEventId,
          e.kind,
          JSON.stringify(e.payload),
          e.venueTsMs ?? null,
          e.ingestTsMs ?? 7,
        ]);
      }),
      { seed: SEED, numRuns: 1_000 },
    );
  });
});
