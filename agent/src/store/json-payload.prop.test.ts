import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toJsonText } from './json-payload.js';

const SEED = 20_261_125;

describe('toJsonText (properties)', () => {
  it('accepts every JSON value and writes exactly what JSON.stringify writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = toJsonText(value, 'payload');
        expect(text).toBe(JSON.stringify(value));
        // What is read back serialises to the same text: the ledger reads back what it wrote.
        expect(toJsonText(JSON.parse(text), 'payload')).toBe(text);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('refuses a JSON value with an undefined member planted anywhere, naming its path', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })),
        fc.string({ minLength: 1, maxLength: 8 }).filter((k) => /^[a-z]+$/.test(k)),
        (record, key) => {
          const planted = { ...record, nested: { [key]: undefined } };
          expect(() => toJsonText(planted, 'payload')).toThrow(`payload.nested.${key}: undefined`);
        },
      ),
      { seed: SEED, numRuns: 100 },
    );
  });
});
