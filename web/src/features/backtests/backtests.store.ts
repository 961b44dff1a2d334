/**
 * Backtest reports: the agent's list of summaries (newest first), and the one report the trader
 * selected (equity curve, trades), fetched on selection. The newest is selected when the list
 * first loads. A late answer for a report no longer selected is dropped.
 */
import type { BacktestId, BacktestReport, BacktestSummary } from '@pt/protocol';
import { create } from 'zustand';
import { agentRest } from '../../app/services.js';

export type ReportView =
  | { readonly kind: 'none' }
  | { readonly kind: 'loading'; readonly id: BacktestId }
  | { readonly kind: 'ready'; readonly report: BacktestReport }
  | { readonly kind: 'failed'; readonly id: BacktestId; readonly message: string };

export interface BacktestsState {
  /** null until the first list arrives. */
  readonly summaries: readonly BacktestSummary[] | null;
  readonly listError: string | null;
  readonly selectedId: BacktestId | null;
  readonly view: ReportView;
  readonly load: () => Promise<void>;
  readonly select: (id: BacktestId) => Promise<void>;
}

export const useBacktestsStore = create<BacktestsState>((set, get) => ({
  summaries: null,
  listError: null,
  selectedId: null,
  view: { kind: 'none' },
  load: async () => {
    try {
      const { backtests } = await agentRest().backtests();
      set({ summaries: backtests, listError: null });
      const first = backtests[0];
      if (get().selectedId === null && first !== undefined) await get().select(first.id);
    } catch (err) {
      set({ listError: err instanceof Error ? err.message : String(err) });
    }
  },
  select: async (id) => {
    set({ selectedId: id, view: { kind: 'loading', id } });
    const result = await agentRest().backtest(id);
    if (get().selectedId !== id) return;
    set({
      view: result.ok
        ? { kind: 'ready', report: result.data }
        : { kind: 'failed', id, message: result.error.message },
    });
  },
}));
