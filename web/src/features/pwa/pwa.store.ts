/** Service-worker state: whether a new version waits (the update prompt) and how to apply it. */
import { create } from 'zustand';

export interface PwaStoreState {
  /** Set when a new build is installed and waiting; calling it activates it and reloads. */
  readonly applyUpdate: (() => void) | null;
}

export const usePwaStore = create<PwaStoreState>(() => ({ applyUpdate: null }));
