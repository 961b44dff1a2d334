/**
 * The opened market's recent public trades (`GET /v1/markets/:ticker/trades`), newest first. The
 * market stream carries books and market summaries but no trades, so the list is re-read on an
 * interval while shown (the agent serves many tabs from one cached venue read). The first answer
 * for a market is also kept as the chart's history (`historyTrades`); later reads only refresh the
 * list (the live book continues the chart).
 */
import type { MarketTrade } from '@pt/protocol';
import { create } from 'zustand';
import { agentRest } from '../../app/services.js';

/** Rows the list shows. */
export const RECENT_TRADES_SHOWN = 20;

export interface TradesState {
  readonly ticker: string | null;
  readonly trades: readonly MarketTrade[];
  /** The trades the chart's history was drawn from (the first answer for `ticker`); null until then. */
  readonly historyTrades: readonly MarketTrade[] | null;
  /** True while `trades` came from this browser's cache and the agent has not answered yet. */
  readonly isCached: boolean;
  readonly error: string | null;
  readonly show: (ticker: string | null) => void;
  readonly reload: () => Promise<void>;
  /** Paints cached trades for `ticker` until the agent answers (never over the agent's). */
  readonly paintCached: (ticker: string, trades: readonly MarketTrade[]) => void;
}

export const useTradesStore = create<TradesState>((set, get) => ({
  ticker: null,
  trades: [],
  historyTrades: null,
  isCached: false,
  error: null,
  show: (ticker) => {
    if (ticker === get().ticker) return;
    set({ ticker, trades: [], historyTrades: null, isCached: false, error: null });
    if (ticker !== null) void get().reload();
  },
  reload: async () => {
    const { ticker } = get();
    if (ticker === null) return;
    try {
      const page = await agentRest().marketTrades(ticker);
      if (get().ticker !== ticker) return;
      const isFirst = get().historyTrades === null || get().isCached;
      set({
        trades: page.trades,
        isCached: false,
        error: null,
        ...(isFirst ? { historyTrades: page.trades } : {}),
      });
    } catch (err) {
      if (get().ticker === ticker) set({ error: err instanceof Error ? err.message : String(err) });
    }
  },
  paintCached: (ticker, trades) => {
    const state = get();
    if (state.ticker !== ticker || (state.historyTrades !== null && !state.isCached)) return;
    set({ trades, historyTrades: trades, isCached: true });
  },
}));
