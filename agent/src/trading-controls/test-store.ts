/**
 * Test support: a real SQLite store in a temp dir that can be closed and reopened (a restart),
 * and a device as the bearer middleware would hand it over.
 */
import type { TradingState } from '@pt/protocol';
import type { AuthenticatedDevice } from '../auth/types.js';
import { openStore, type Store } from '../store/index.js';
import { makeTempDir, silentLogger } from '../../test/store/temp-dir.js';

export const laptop: AuthenticatedDevice = {
  deviceId: 'dev_laptop000001',
  name: 'Trader laptop',
  origin: 'http://127.0.0.1:47821',
};

export const venueOpen: TradingState = {
  mode: 'active',
  reason: 'Reconciled with the venue',
  changedBy: 'system',
  sinceMs: 5,
};

export interface TestStore {
  store(): Store;
  /** Closes the store and opens the same file again. */
  restart(): Promise<Store>;
  cleanup(): Promise<void>;
}

/** `maxPending` small makes the real write queue refuse (STORE_BUSY) while rows wait. */
export function openTestStore(queue?: { maxPending: number }): TestStore {
  const temp = makeTempDir('pt-controls-');
  const open = () =>
    openStore({
      dataDir: temp.dir,
      environment: 'sim',
      logger: silentLogger,
      ...(queue === undefined ? {} : { queue }),
    });
  let store = open();
  return {
    store: () => store,
    restart: async () => {
      await store.close();
      store = open();
      return store;
    },
    cleanup: async () => {
      await store.close();
      temp.remove();
    },
  };
}
