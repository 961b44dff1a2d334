/** The effective trading state (ACTIVE / REDUCING / HALTED): from REST at load, then the stream. */
import type { TradingState } from '@pt/protocol';
import { create } from 'zustand';
import { agentRest } from '../../app/services.js';

export interface TradingStoreState {
  readonly tradingState: TradingState | null;
  readonly reload: () => Promise<void>;
  readonly apply: (state: TradingState) => void;
}

export const useTradingStore = create<TradingStoreState>((set) => ({
  tradingState: null,
  reload: async () => {
    set({ tradingState: await agentRest().tradingState() });
  },
  apply: (tradingState) => set({ tradingState }),
}));
