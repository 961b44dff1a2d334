/**
 * What the screens show from this browser's cache rather than from the agent: `cached` from the
 * moment a cached copy is painted until the agent's answer replaces it (`live`).
 */
import { create } from 'zustand';

export type CachePaint =
  | { readonly state: 'none' }
  | { readonly state: 'cached'; readonly cachedAtMs: number }
  | { readonly state: 'live' };

export interface CacheState {
  readonly markets: CachePaint;
  readonly activity: CachePaint;
}

export type CacheScope = keyof CacheState;

export const useCacheStore = create<CacheState>(() => ({
  markets: { state: 'none' },
  activity: { state: 'none' },
}));
