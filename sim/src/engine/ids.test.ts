import { describe, expect, it } from 'vitest';
import { createIdSource } from './ids.js';

describe('deterministic ids', () => {
  it('are UUID-shaped, unique over a long run and repeatable per seed', () => {
    const ids = createIdSource(42);
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i += 1) seen.add(ids.next());
    expect(seen.size).toBe(100_000);
    const [first] = seen;
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(createIdSource(42).next()).toBe(first);
    expect(createIdSource(43).next()).not.toBe(first);
  });
});
