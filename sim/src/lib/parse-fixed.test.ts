import { describe, expect, it } from 'vitest';
import { parseDollarsE4, parseScaled } from './parse-fixed.js';

describe('parseScaled', () => {
  it('parses without float error', () => {
    expect(parseDollarsE4('0.0100')).toBe(100);
    expect(parseDollarsE4('0.56')).toBe(5600);
    expect(parseDollarsE4('1')).toBe(10_000);
    expect(parseScaled('-0.05', 2, 'x')).toBe(-5);
  });
  it('rejects extra precision and junk, naming the field', () => {
    expect(() => parseDollarsE4('0.00001', 'price_ranges.step')).toThrow(/price_ranges.step/);
    expect(() => parseDollarsE4('abc')).toThrow(/price/);
  });
});
