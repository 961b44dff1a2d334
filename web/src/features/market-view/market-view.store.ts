/**
 * What the market view shows beside the live book: our fills on the market (chart markers, re-read
 * when a fill reaches the activity feed) and the agent's sentiment view (polled while a market with a
 * topic is shown; "not configured" when the agent has no vibe).
 */
import type { AgentSentimentResponse, Fill } from '@pt/protocol';
import { create } from 'zustand';
import { agentRest } from '../../app/services.js';

export type SentimentView =
  | { readonly kind: 'none' }
  | { readonly kind: 'ready'; readonly view: AgentSentimentResponse }
  /** `isConfigured` false: the agent has no vibe; asking again will not help until it restarts. */
  | { readonly kind: 'unavailable'; readonly message: string; readonly isConfigured: boolean };

export interface MarketViewState {
  readonly ticker: string | null;
  readonly fills: readonly Fill[];
  readonly sentiment: SentimentView;
  readonly show: (ticker: string | null) => void;
  readonly reloadFills: () => Promise<void>;
  readonly reloadSentiment: () => Promise<void>;
}

export const useMarketViewStore = create<MarketViewState>((set, get) => ({
  ticker: null,
  fills: [],
  sentiment: { kind: 'none' },
  show: (ticker) => {
    if (ticker === get().ticker) return;
    set({ ticker, fills: [] });
    if (ticker !== null) void get().reloadFills();
  },
  reloadFills: async () => {
    const { ticker } = get();
    if (ticker === null) return;
    try {
      const page = await agentRest().fills(ticker);
      if (get().ticker === ticker) set({ fills: page.fills });
    } catch {
      // Markers are decoration: the fills list and activity feed carry the facts.
    }
  },
  reloadSentiment: async () => {
    const result = await agentRest().sentiment();
    set({
      sentiment: result.ok
        ? { kind: 'ready', view: result.data }
        : {
            kind: 'unavailable',
            message: result.error.message,
            isConfigured: result.error.code !== 'CONFIG_INVALID',
          },
    });
  },
}));
