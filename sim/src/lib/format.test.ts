import { describe, expect, it } from 'vitest';
import { dollarsE4, dollarsE6, dollarsE6As4dp, fpE2 } from './format.js';

describe('fixed-point formatting', () => {
  it('formats prices with 4 dp', () => {
    expect(dollarsE4(5600)).toBe('0.5600');
    expect(dollarsE4(1)).toBe('0.0001');
    expect(dollarsE4(10_000)).toBe('1.0000');
    expect(dollarsE4(0)).toBe('0.0000');
  });
  it('formats signed counts with 2 dp', () => {
    expect(fpE2(1000)).toBe('10.00');
    expect(fpE2(-5)).toBe('-0.05');
    expect(fpE2(0)).toBe('0.00');
  });
  it('formats money with 6 dp and truncates to 4 dp on request', () => {
    expect(dollarsE6(1_500_000)).toBe('1.500000');
    expect(dollarsE6(-12)).toBe('-0.000012');
    expect(dollarsE6As4dp(1_234_567)).toBe('1.2345');
  });
});
