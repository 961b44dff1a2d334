/**
 * The paired token, kept in this origin's IndexedDB (Dexie) — never in a URL, a cookie or
 * localStorage. Read back through the schema, so a corrupt row counts as "not paired".
 */
import { DeviceId } from '@pt/protocol';
import { z } from 'zod';
import type { AppDb } from '../db/app-db.js';

const TOKEN_KEY = 'pairing';

export const StoredPairing = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  deviceId: DeviceId,
  pairedAtMs: z.int().min(0),
});
export type StoredPairing = z.infer<typeof StoredPairing>;

export interface TokenStore {
  load(): Promise<StoredPairing | null>;
  save(pairing: StoredPairing): Promise<void>;
  clear(): Promise<void>;
}

export function createTokenStore(db: AppDb): TokenStore {
  return {
    load: async () => {
      const row = await db.settings.get(TOKEN_KEY);
      const parsed = StoredPairing.safeParse(row?.value);
      return parsed.success ? parsed.data : null;
    },
    save: async (pairing) => {
      await db.settings.put({ key: TOKEN_KEY, value: StoredPairing.parse(pairing) });
    },
    clear: async () => {
      await db.settings.delete(TOKEN_KEY);
    },
  };
}
