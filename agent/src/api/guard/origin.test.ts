import { describe, expect, it } from 'vitest';
import { canonicalOriginFor, createOriginAllowList } from './origin.js';

describe('createOriginAllowList', () => {
  it('allows the canonical origin at the port current at call time', () => {
    let port = 0;
    const list = createOriginAllowList(() => port, []);
    expect(list.isAllowed('http://127.0.0.1:4100')).toBe(false);
    port = 4100;
    expect(list.canonical()).toBe('http://127.0.0.1:4100');
    expect(list.isAllowed(canonicalOriginFor(4100))).toBe(true);
  });

  it('allows configured origins by exact string only', () => {
    const list = createOriginAllowList(() => 4100, ['https://app.example.com']);
    expect(list.isAllowed('https://app.example.com')).toBe(true);
    for (const near of [
      'https://app.example.com/',
      'https://APP.example.com',
      'http://app.example.com',
      'https://app.example.com:443',
      'https://app.example.com.evil.com',
      'https://evil.app.example.com',
    ]) {
      expect(list.isAllowed(near), near).toBe(false);
    }
  });

  it('never allows null, a missing Origin, or the non-canonical loopback names', () => {
    const list = createOriginAllowList(() => 4100, ['null']);
    expect(list.isAllowed('null')).toBe(false);
    expect(list.isAllowed(undefined)).toBe(false);
    expect(list.isAllowed('http://localhost:4100')).toBe(false);
    expect(list.isAllowed('http://[::1]:4100')).toBe(false);
  });
});
