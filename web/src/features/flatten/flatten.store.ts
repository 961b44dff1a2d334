/**
 * Flatten All: the press (after a confirmation in the UI), the run's progress from the `flatten`
 * stream, and the final report. Progress and results are safety signals: applied at once.
 */
import type { FlattenReport } from '@pt/protocol';
import { create } from 'zustand';
import { agentRest } from '../../app/services.js';

export interface FlattenStoreState {
  /** The latest run's report (running or finished), from the stream or the POST answer. */
  readonly report: FlattenReport | null;
  readonly isPressing: boolean;
  readonly error: string | null;
  readonly press: () => Promise<void>;
  readonly apply: (report: FlattenReport) => void;
}

export const useFlattenStore = create<FlattenStoreState>((set, get) => ({
  report: null,
  isPressing: false,
  error: null,
  press: async () => {
    set({ isPressing: true, error: null });
    const result = await agentRest().flatten({});
    if (result.ok) get().apply(result.data);
    set({
      isPressing: false,
      error: result.ok ? null : `Flatten All failed (${result.error.code}): ${result.error.message}`,
    });
  },
  apply: (report) => {
    const known = get().report;
    // A late progress event of the same run must not overwrite its finished report.
    if (known?.flattenId === report.flattenId && known.status === 'finished' && report.status === 'running')
      return;
    set({ report });
  },
}));
