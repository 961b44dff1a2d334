import type { EventMeta, MarketDraft, SeriesMeta } from '../catalog.js';
import type { Quote, TimelineItem } from '../timeline.js';

/** What one recorded data set contributes to the living exchange. */
export interface ReplaySource {
  name: string;
  series: SeriesMeta[];
  events: EventMeta[];
  markets: MarketDraft[];
  /** Two-sided opening quote of every market (posted before the ready line). */
  openingQuotes: Map<string, Quote>;
  /** Sorted by offsetMs. */
  timeline: TimelineItem[];
  /** Recorded span in ms (timeline end); the player loops after it. */
  durationMs: number;
  /** Typical top-level size in contracts, calibrating the seeded depth. */
  depthScaleContracts: number;
}

/** Times every source shares: markets opened an hour before start, close well after the replay. */
export interface SourceTimes {
  simStartMs: number;
  speed: number;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export function marketTimes(
  times: SourceTimes,
  durationMs: number,
): {
  createdTimeMs: number;
  openTimeMs: number;
  closeTimeMs: number;
} {
  return {
    createdTimeMs: times.simStartMs - 2 * HOUR_MS,
    openTimeMs: times.simStartMs - HOUR_MS,
    closeTimeMs: times.simStartMs + Math.ceil(durationMs / times.speed) + 7 * DAY_MS,
  };
}

export const LINEAR_CENT = {
  priceLevelStructure: 'linear_cent',
  priceRanges: [{ startE4: 0, endE4: 10_000, stepE4: 100 }],
};
