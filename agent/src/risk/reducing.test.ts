import { signedCountE2 } from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import { isExposureReducing } from './reducing.js';
import { intent } from './test-fixtures.js';

const long10 = signedCountE2(1_000);
const short10 = signedCountE2(-1_000);

describe('isExposureReducing', () => {
  it('selling held YES, or buying NO against it, up to the position', () => {
    expect(isExposureReducing(intent({ side: 'yes', action: 'sell', countE2: 1_000 }), long10)).toBe(true);
    expect(isExposureReducing(intent({ side: 'no', action: 'buy', countE2: 400 }), long10)).toBe(true);
  });
  it('never when it would cross zero', () => {
    expect(isExposureReducing(intent({ side: 'yes', action: 'sell', countE2: 1_001 }), long10)).toBe(false);
  });
  it('never when it adds to the position or there is none', () => {
    expect(isExposureReducing(intent({ side: 'yes', action: 'buy' }), long10)).toBe(false);
    expect(isExposureReducing(intent({ side: 'no', action: 'sell' }), long10)).toBe(false);
    expect(isExposureReducing(intent({ side: 'yes', action: 'sell', countE2: 1 }), signedCountE2(0))).toBe(
      false,
    );
  });
  it('mirrors for a NO position', () => {
    expect(isExposureReducing(intent({ side: 'no', action: 'sell', countE2: 1_000 }), short10)).toBe(true);
    expect(isExposureReducing(intent({ side: 'yes', action: 'buy', countE2: 1_000 }), short10)).toBe(true);
    expect(isExposureReducing(intent({ side: 'no', action: 'buy', countE2: 1 }), short10)).toBe(false);
  });
  it('counts what resting orders already close: the same 10 contracts are not exited twice', () => {
    const sell = intent({ side: 'yes', action: 'sell', countE2: 600 });
    expect(isExposureReducing(sell, long10, 400)).toBe(true);
    expect(isExposureReducing(sell, long10, 401)).toBe(false);
  });
});
