/**
 * Positions and P&L (`GET /v1/portfolio`): loaded when the `positions` stream asks, and re-read
 * (coalesced) on every position, balance or fill event, so the figures are always the agent's.
 */
import type { PortfolioResponse } from '@pt/protocol';
import { create } from 'zustand';
import { agentRest } from '../../app/services.js';

export interface PortfolioStoreState {
  readonly portfolio: PortfolioResponse | null;
  readonly error: string | null;
  readonly reload: () => Promise<void>;
  /** A reload that coalesces: calls while one runs make exactly one more run after it. */
  readonly refresh: () => Promise<void>;
}

let refreshing: Promise<void> | null = null;
let isRefreshDirty = false;

export const usePortfolioStore = create<PortfolioStoreState>((set, get) => ({
  portfolio: null,
  error: null,
  reload: async () => {
    try {
      set({ portfolio: await agentRest().portfolio(), error: null });
    } catch (err) {
      set({ error: err instanceof Error ? err.message : String(err) });
    }
  },
  refresh: () => {
    if (refreshing !== null) {
      isRefreshDirty = true;
      return refreshing;
    }
    refreshing = (async () => {
      do {
        isRefreshDirty = false;
        await get().reload();
      } while (isRefreshDirty);
      refreshing = null;
    })();
    return refreshing;
  },
}));
