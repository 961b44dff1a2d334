/**
 * The collector seam: every source (RSS/Atom, Reddit, Discord) yields the same `CollectedItem`
 * and reports the same health, so the pipeline, topic mapping and aggregation never know where a
 * post came from.
 */

/** One post, headline or message, normalised. */
export interface CollectedItem {
  /** Stable across polls (`<source>:<guid | id | link>`): dedupe and the store's primary key. */
  readonly id: string;
  /** The collector's name (`rss:cnbc`, `reddit:economics`, `discord:<channel>`). */
  readonly source: string;
  readonly title: string;
  /** Body text with markup removed (may be empty). */
  readonly text: string;
  readonly url: string | null;
  /** Publication time (epoch ms); offline sources are time-shifted to look current. */
  readonly publishedAtMs: number;
}

/** What one parse of a payload produced: the good items and how many were skipped as malformed. */
export interface ParseResult {
  readonly items: CollectedItem[];
  /** Malformed entries skipped, each with a short reason (the collector logs the first of a kind once). */
  readonly skipped: readonly string[];
}

export interface CollectorHealth {
  readonly name: string;
  readonly healthy: boolean;
  readonly lastSuccessAtMs: number | null;
  readonly lastAttemptAtMs: number | null;
  readonly consecutiveFailures: number;
  readonly lastError: string | null;
  /** New (deduplicated) items in the last hour. */
  readonly itemsPerHour: number;
  /** Malformed items skipped since start. */
  readonly skippedTotal: number;
}

export interface Collector {
  readonly name: string;
  /** One polite poll: new items only (already-seen ids are dropped). Never throws; failures go to health. */
  poll(): Promise<CollectedItem[]>;
  health(): CollectorHealth;
  /** When the collector next wants to be polled (epoch ms): its interval, or later after failures. */
  nextPollAtMs(): number;
}
