/**
 * The markets screen: the venue's open markets as the agent lists them (REST, re-read while shown;
 * the agent caches its venue read a few seconds) and the market the trader opened. Opening a
 * market points the market view and the ticket at it (`selection.seq` lets the same market be
 * opened again after the ticket was edited).
 */
import type { MarketListEntry } from '@pt/protocol';
import { create } from 'zustand';
import { agentRest } from '../../app/services.js';

export interface MarketSelection {
  readonly ticker: string;
  readonly seq: number;
}

export interface MarketsStoreState {
  readonly markets: readonly MarketListEntry[];
  readonly isTruncated: boolean;
  readonly asOfMs: number | null;
  readonly error: string | null;
  readonly selection: MarketSelection | null;
  readonly load: () => Promise<void>;
  readonly open: (ticker: string) => void;
}

export const useMarketsStore = create<MarketsStoreState>((set, get) => ({
  markets: [],
  isTruncated: false,
  asOfMs: null,
  error: null,
  selection: null,
  load: async () => {
    try {
      const listing = await agentRest().markets();
      set({
        markets: listing.markets,
        isTruncated: listing.isTruncated,
        asOfMs: listing.asOfMs,
        error: null,
      });
    } catch (err) {
      set({ error: err instanceof Error ? err.message : String(err) });
    }
  },
  open: (ticker) => set({ selection: { ticker, seq: (get().selection?.seq ?? 0) + 1 } }),
}));

/** Markets whose ticker, title, subtitle or series contain every word of the query (any case). */
export function searchMarkets(markets: readonly MarketListEntry[], query: string): MarketListEntry[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...markets];
  return markets.filter((m) => {
    const text = `${m.ticker} ${m.title} ${m.yesSubtitle} ${m.seriesTicker ?? ''}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
