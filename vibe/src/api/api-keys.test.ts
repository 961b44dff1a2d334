/** API keys: identification by digest, env parsing with errors naming the entry. */
import { describe, expect, it } from 'vitest';
import { ApiKeys, parseKeysEnv } from './api-keys.js';

describe('ApiKeys', () => {
  const keys = new ApiKeys([
    { id: 'a', key: 'a'.repeat(24) },
    { id: 'b', key: 'b'.repeat(40) },
  ]);

  it('identifies the key that matches and nothing else', () => {
    expect(keys.identify('b'.repeat(40))).toBe('b');
    expect(keys.identify('a'.repeat(24))).toBe('a');
    expect(keys.identify('a'.repeat(25))).toBeNull();
    expect(keys.identify('')).toBeNull();
  });

  it('refuses a duplicated id', () => {
    expect(
      () =>
        new ApiKeys([
          { id: 'a', key: 'x'.repeat(24) },
          { id: 'a', key: 'y'.repeat(24) },
        ]),
    ).toThrow(/twice/);
  });

  it('parses id:key lists (keys may contain colons) and names the bad entry', () => {
    expect(parseKeysEnv(` one:${'1'.repeat(24)} , two:${'2:'.repeat(12)}`)).toEqual([
      { id: 'one', key: '1'.repeat(24) },
      { id: 'two', key: '2:'.repeat(12) },
    ]);
    expect(() => parseKeysEnv(`ok:${'1'.repeat(24)},bad id:${'2'.repeat(24)}`)).toThrow(
      /VIBE_API_KEYS\[1\.id\]/,
    );
  });
});
