/** Full health (venue, API contract, data liveness, store, sentiment): /v1/status, then `health.changed`. */
import type { HealthDetail } from '@pt/protocol';
import { create } from 'zustand';
import { agentRest } from '../../app/services.js';
import { useTradingStore } from '../trading/trading.store.js';

export interface HealthStoreState {
  readonly health: HealthDetail | null;
  readonly agentVersion: string | null;
  readonly reload: () => Promise<void>;
  readonly apply: (health: HealthDetail) => void;
}

export const useHealthStore = create<HealthStoreState>((set) => ({
  health: null,
  agentVersion: null,
  reload: async () => {
    const status = await agentRest().status();
    set({ health: status.health, agentVersion: status.agentVersion });
    useTradingStore.getState().apply(status.tradingState);
  },
  apply: (health) => set({ health }),
}));
