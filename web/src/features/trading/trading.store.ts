/** The effective trading state (ACTIVE / REDUCING / HALTED): from REST at load, then the stream. */
import type { TradingMode, TradingState } from '@pt/protocol';
import { create } from 'zustand';
import { agentRest } from '../../app/services.js';

export interface TradingStoreState {
  readonly tradingState: TradingState | null;
  readonly reload: () => Promise<void>;
  readonly apply: (state: TradingState) => void;
  /** The trader's switch; resolves to an error message, or null when the agent took it. */
  readonly setMode: (mode: TradingMode, reason: string) => Promise<string | null>;
}

export const useTradingStore = create<TradingStoreState>((set) => ({
  tradingState: null,
  reload: async () => {
    set({ tradingState: await agentRest().tradingState() });
  },
  apply: (tradingState) => set({ tradingState }),
  setMode: async (mode, reason) => {
    const result = await agentRest().setTradingMode({ mode, reason });
    if (!result.ok) return result.error.message;
    set({ tradingState: result.data });
    return null;
  },
}));
