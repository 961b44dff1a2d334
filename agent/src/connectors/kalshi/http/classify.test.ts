import { describe, expect, it } from 'vitest';
import { classifyStatus, classifyTransport } from './classify.js';
import type { KalshiFailureKind } from './request-error.js';

// The expected table, written out independently of classify.ts: [status, read, write].
const STATUS_CASES: [number, KalshiFailureKind, KalshiFailureKind][] = [
  [400, 'rejection', 'rejection'],
  [403, 'rejection', 'rejection'],
  [404, 'rejection', 'rejection'],
  [409, 'rejection', 'rejection'],
  [410, 'rejection', 'rejection'],
  [401, 'auth', 'auth'],
  [429, 'rate_limited', 'rate_limited'],
  [408, 'transport', 'outcome_unknown'],
  [500, 'transport', 'outcome_unknown'],
  [502, 'transport', 'outcome_unknown'],
  [503, 'transport', 'outcome_unknown'],
  [504, 'transport', 'outcome_unknown'],
  [599, 'transport', 'outcome_unknown'],
  [405, 'rejection', 'outcome_unknown'],
  [499, 'rejection', 'outcome_unknown'],
  [302, 'transport', 'outcome_unknown'],
  [100, 'transport', 'outcome_unknown'],
];

describe('classifyStatus', () => {
  it.each(STATUS_CASES)('HTTP %i → read %s, write %s', (status, read, write) => {
    expect(classifyStatus(status, 'read')).toBe(read);
    expect(classifyStatus(status, 'write')).toBe(write);
  });
});

describe('classifyTransport', () => {
  it.each([
    ['timeout', 'transport', 'outcome_unknown'],
    ['connection', 'transport', 'outcome_unknown'],
  ] as const)('%s → read %s, write %s', (failure, read, write) => {
    expect(classifyTransport(failure, 'read')).toBe(read);
    expect(classifyTransport(failure, 'write')).toBe(write);
  });
});
