import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AppDb } from '../db/app-db.js';
import { createTokenStore } from './token-store.js';

describe('createTokenStore (IndexedDB through Dexie)', () => {
  it('saves, loads and clears the pairing; a corrupt row reads as not paired', async () => {
    const db = new AppDb(`test-${Math.random()}`);
    const store = createTokenStore(db);
    expect(await store.load()).toBeNull();
    const pairing = { token: 'c'.repeat(43), deviceId: 'dev_abcdefgh12', pairedAtMs: 1 };
    await store.save(pairing);
    expect(await store.load()).toEqual(pairing);
    // A second handle on the same database (a reload) sees it too.
    expect(await createTokenStore(new AppDb(db.name)).load()).toEqual(pairing);
    await db.settings.put({ key: 'pairing', value: { token: 'short' } });
    expect(await store.load()).toBeNull();
    await store.clear();
    expect(await db.settings.count()).toBe(0);
  });
});
