import { describe, expect, it } from 'vitest';
import { formatModelAge } from './model-age.js';

describe('formatModelAge', () => {
  it('under an hour, hours under a day, then days to a tenth (rounded down)', () => {
    expect(formatModelAge(0)).toBe('under 1 h');
    expect(formatModelAge(59 * 60_000 + 59_999)).toBe('under 1 h');
    expect(formatModelAge(3_600_000)).toBe('1 h');
    expect(formatModelAge(86_399_999)).toBe('23 h');
    expect(formatModelAge(86_400_000)).toBe('1.0 days');
    expect(formatModelAge(31 * 86_400_000 + 43_200_000)).toBe('31.5 days');
  });
});
