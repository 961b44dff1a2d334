/**
 * Deterministic UUID-shaped ids (Kalshi order and trade ids are UUIDs). A seeded mulberry32 stream
 * makes two runs with the same seed produce the same ids, so replays and tests are reproducible.
 */
export interface IdSource {
  next(): string;
}

export function createIdSource(seed: number): IdSource {
  let state = seed >>> 0;
  const nextWord = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const hex = (word: number): string => word.toString(16).padStart(8, '0');
  return {
    next(): string {
      const a = hex(nextWord());
      const b = hex(nextWord());
      const c = hex(nextWord());
      const d = hex(nextWord());
      // Version 4 / variant 10 nibbles so strict UUID parsers accept the id.
      const variant = ((parseInt(c[0] ?? '0', 16) & 0x3) | 0x8).toString(16);
      return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
    },
  };
}
