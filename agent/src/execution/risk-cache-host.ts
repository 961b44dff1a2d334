/**
 * One RiskCache for the venue the execution road runs on now: the runtime switches venues (an
 * environment switch, a restart of the connector), and a cache belongs to one connector's stream.
 */
import { RiskCache, type RiskCacheOptions, type RiskCacheVenue } from './risk-cache.js';
import type { ExecutionVenue } from './types.js';

export class RiskCaches {
  private current: { venue: ExecutionVenue; cache: RiskCache } | undefined;

  constructor(private readonly options: Omit<RiskCacheOptions, 'venue'>) {}

  /** The cache following `venue` (a new one when the venue changed; the old one is closed). */
  for(venue: RiskCacheVenue): RiskCache {
    if (this.current?.venue === venue) return this.current.cache;
    this.current?.cache.close();
    const cache = new RiskCache({ ...this.options, venue });
    this.current = { venue, cache };
    return cache;
  }

  close(): void {
    this.current?.cache.close();
    this.current = undefined;
  }
}
