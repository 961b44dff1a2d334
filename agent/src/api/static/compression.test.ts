import { describe, expect, it } from 'vitest';
import { acceptsGzip, isCompressible } from './compression.js';

describe('acceptsGzip', () => {
  it.each([
    ['gzip', true],
    ['gzip, deflate, br, zstd', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['*', true],
    ['GZIP', true],
    ['gzip;q=0', false],
    ['identity', false],
    ['br', false],
    ['', false],
  ])('%j → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
  it('is false without the header', () => {
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe('isCompressible', () => {
  it('takes text files of 1 KiB or more, never images', () => {
    expect(isCompressible('.js', 4096)).toBe(true);
    expect(isCompressible('.JS', 4096)).toBe(true);
    expect(isCompressible('.js', 1023)).toBe(false);
    expect(isCompressible('.png', 100_000)).toBe(false);
  });
});
