import { describe, expect, it } from 'vitest';
import { toJsonText } from './json-payload.js';

describe('toJsonText', () => {
  it('serialises plain JSON values unchanged', () => {
    const value = { a: 1, b: 'x', c: [true, null, { d: -2.5 }], e: {} };
    expect(JSON.parse(toJsonText(value, 'payload'))).toEqual(value);
    expect(toJsonText(null, 'payload')).toBe('null');
    expect(toJsonText(Object.create(null), 'payload')).toBe('{}');
  });

  it.each([
    ['undefined member', { a: undefined }, 'payload.a: undefined'],
    ['NaN', { price: [1, Number.NaN] }, 'payload.price[1]: number NaN'],
    ['Infinity', Infinity, 'payload: number Infinity'],
    ['bigint', { n: 1n }, 'payload.n: bigint'],
    ['function', { f: () => 1 }, 'payload.f: function'],
    ['Date', { at: new Date(0) }, 'payload.at: an instance of Date'],
    ['Map', new Map(), 'payload: an instance of Map'],
    // eslint-disable-next-line no-sparse-arrays
    ['array hole', [1, , 3], 'payload[1]: an array hole'],
  ])('refuses %s, naming the field', (_label, value, message) => {
    expect(() => toJsonText(value, 'payload')).toThrow(message);
  });

  it('refuses cycles but accepts a shared (non-circular) object', () => {
    const shared = { x: 1 };
    expect(toJsonText({ a: shared, b: shared }, 'payload')).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => toJsonText(cyclic, 'payload')).toThrow('payload.self: a circular reference');
  });

  it('accepts a payload deeper than the fast check goes, and refuses a cycle found that deep', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100; i += 1) deep = i % 2 === 0 ? { d: deep } : [deep];
    expect(toJsonText(deep, 'payload')).toBe(JSON.stringify(deep));
    const ring: Record<string, unknown> = {};
    let tip: unknown = ring;
    for (let i = 0; i < 40; i += 1) tip = { next: tip };
    ring.back = tip;
    expect(() => toJsonText(tip, 'payload')).toThrow(/: a circular reference/);
  });

  it('carries the field in the error details', () => {
    try {
      toJsonText({ a: undefined }, 'events[2].payload');
      expect.unreachable();
    } catch (err) {
      expect(err).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'events[2].payload.a' } });
    }
  });
});
