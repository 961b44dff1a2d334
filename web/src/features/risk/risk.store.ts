/**
 * The agent's risk limits: read from `GET /v1/risk/settings`, saved with `PUT` (the full settings).
 * The agent's refusal (422) names the field; the store keeps that error on its field.
 */
import type { RiskSettings } from '@pt/protocol';
import { create } from 'zustand';
import { agentRest } from '../../app/services.js';

export interface RiskStoreState {
  readonly settings: RiskSettings | null;
  readonly loadError: string | null;
  readonly isSaving: boolean;
  /** The agent's refusal: the field it named (or null) and its message. */
  readonly saveError: { readonly field: string | null; readonly message: string } | null;
  readonly savedAtMs: number | null;
  readonly load: () => Promise<void>;
  readonly save: (settings: RiskSettings) => Promise<boolean>;
}

export const useRiskStore = create<RiskStoreState>((set) => ({
  settings: null,
  loadError: null,
  isSaving: false,
  saveError: null,
  savedAtMs: null,
  load: async () => {
    try {
      set({ settings: await agentRest().riskSettings(), loadError: null });
    } catch (err) {
      set({ loadError: err instanceof Error ? err.message : String(err) });
    }
  },
  save: async (settings) => {
    set({ isSaving: true, saveError: null });
    const result = await agentRest().putRiskSettings(settings);
    if (result.ok) {
      set({ settings: result.data, isSaving: false, savedAtMs: Date.now() });
      return true;
    }
    const field = result.error.details?.['field'];
    set({
      isSaving: false,
      saveError: { field: typeof field === 'string' ? field : null, message: result.error.message },
    });
    return false;
  },
}));
