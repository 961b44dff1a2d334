/** Largest id a slot holds (ids are stored as uint32; 0 marks an empty slot). */
export const MAX_INDEXED_ID = 0xffff_ffff;

const MIN_CAPACITY = 1_024;
/** Linear probing stays short below this load: a miss (a new key, the common case) reads ~3.6 slots. */
const MAX_LOAD = 0.7;

/**
 * The ledger's key index: an open-addressing multimap from a 32-bit key hash to ledger row ids,
 * held in one Uint32Array (8 bytes a slot, 11-23 bytes per key with the load between 0.35 and 0.7;
 * about 23 MB at a million keys). It replaced a UNIQUE index on (source, source_event_id): random
 * keys made that B-tree cost a random page write per insert (see the migration that dropped it).
 *
 * Entries are hints, never the truth: `find` hands each id filed under the hash to `isMatch`,
 * which compares the actual row, so a hash collision, or an entry whose row was rolled back (its
 * id may since hold another row), is skipped. What the index must never do is miss a stored key:
 * every row is added before its INSERT runs, and nothing is ever removed.
 */
export class LedgerKeyIndex {
  private slots: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(expectedKeys = 0) {
    const capacity = capacityFor(expectedKeys);
    this.slots = new Uint32Array(capacity * 2);
    this.mask = capacity - 1;
  }

  /** Entries held (including stale ones left by rolled-back writes). */
  get size(): number {
    return this.count;
  }

  get byteLength(): number {
    return this.slots.byteLength;
  }

  /** Files `id` under `hash`, unless that exact pair is already there. */
  add(hash: number, id: number): void {
    if (!Number.isInteger(id) || id < 1 || id > MAX_INDEXED_ID) {
      throw new RangeError(`ledger key index: id must be an integer in 1..${MAX_INDEXED_ID}, got ${id}`);
    }
    if ((this.count + 1) / (this.mask + 1) > MAX_LOAD) this.grow();
    if (this.place(this.slots, this.mask, hash >>> 0, id)) this.count += 1;
  }

  /** The first id filed under `hash` whose row `isMatch` confirms, or 0 if there is none. */
  find(hash: number, isMatch: (id: number) => boolean): number {
    const h = hash >>> 0;
    const slots = this.slots;
    const mask = this.mask;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = slots[2 * slot + 1] ?? 0;
      if (id === 0) return 0;
      if (slots[2 * slot] === h && isMatch(id)) return id;
    }
  }

  /** Puts (hash, id) in the first free slot of its probe run; false if the pair was already there. */
  private place(slots: Uint32Array, mask: number, hash: number, id: number): boolean {
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = slots[2 * slot + 1] ?? 0;
      if (held === 0) {
        slots[2 * slot] = hash;
        slots[2 * slot + 1] = id;
        return true;
      }
      if (held === id && slots[2 * slot] === hash) return false;
    }
  }

  private grow(): void {
    const old = this.slots;
    const capacity = (this.mask + 1) * 2;
    const slots = new Uint32Array(capacity * 2);
    const mask = capacity - 1;
    for (let i = 0; i < old.length; i += 2) {
      const id = old[i + 1] ?? 0;
      if (id !== 0) this.place(slots, mask, old[i] ?? 0, id);
    }
    this.slots = slots;
    this.mask = mask;
  }
}

function capacityFor(keys: number): number {
  let capacity = MIN_CAPACITY;
  while (keys / capacity > MAX_LOAD) capacity *= 2;
  return capacity;
}
