/**
 * The 32-bit hash of a ledger key (source, sourceEventId) that the key index (ledger-key-index.ts)
 * files ids under. It is persisted in `ledger_key_hashes`, so it must never change: a different
 * function needs a migration that rebuilds that table (ledger-key-hash.test.ts pins known values).
 *
 * FNV-1a over the UTF-16 code units, the source's length mixed in first (so ("ab", "c") and
 * ("a", "bc") differ), then the murmur3 finaliser: FNV-1a's low bits mix poorly and the index takes
 * its slot from them. 32 bits are enough because a hash match is only a candidate: the row is
 * always compared before two keys are called equal.
 */
export function ledgerKeyHash(source: string, sourceEventId: string): number {
  let h = Math.imul(0x811c9dc5 ^ source.length, 0x01000193);
  for (let i = 0; i < source.length; i += 1) h = Math.imul(h ^ source.charCodeAt(i), 0x01000193);
  for (let i = 0; i < sourceEventId.length; i += 1) {
    h = Math.imul(h ^ sourceEventId.charCodeAt(i), 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export type KeyHash = (source: string, sourceEventId: string) => number;
