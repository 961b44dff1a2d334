import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, parseCli } from './cli.js';

describe('parseCli', () => {
  it('has defaults: ephemeral port, seed 1, real time, shared data, basic tier', () => {
    expect(parseCli([])).toEqual({
      port: 0,
      seed: 1,
      speed: 1,
      churn: 0,
      data: DEFAULT_DATA_DIR,
      tier: 'basic',
      logLevel: 'info',
      maintenance: 'on',
    });
    expect(DEFAULT_DATA_DIR.endsWith('/shared/data')).toBe(true);
  });
  it('takes --churn as book changes per second (load generation), refusing a bad one by name', () => {
    expect(parseCli(['--churn', '10000']).churn).toBe(10_000);
    expect(() => parseCli(['--churn', '-1'])).toThrow(/--churn/);
    expect(() => parseCli(['--churn', '1.5'])).toThrow(/--churn/);
  });
  it('parses every flag', () => {
    const opts = parseCli([
      '--port',
      '8080',
      '--seed',
      '7',
      '--speed',
      '60',
      '--data',
      '/x',
      '--tier',
      'prestige',
      '--keys',
      'k.json',
    ]);
    expect(opts).toMatchObject({
      port: 8080,
      seed: 7,
      speed: 60,
      data: '/x',
      tier: 'prestige',
      keys: 'k.json',
    });
  });
  it('names the bad flag', () => {
    expect(() => parseCli(['--port', '70000'])).toThrow(/--port/);
    expect(() => parseCli(['--speed', '0'])).toThrow(/--speed/);
    expect(() => parseCli(['--tier', 'gold'])).toThrow(/--tier/);
    expect(() => parseCli(['--bogus'])).toThrow();
  });
});
