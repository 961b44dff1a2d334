/**
 * The service's loop: poll every collector that is due, keep items that map to a topic, score
 * them in one batch, store them, then recompute every topic's aggregate and store it (the
 * history). `tick()` is one round, so tests drive it directly; `start()` repeats it.
 */
import type { SentimentSource } from '@pt/protocol';
import { aggregate } from './aggregate/aggregate.js';
import type { Collector } from './collectors/types.js';
import type { Log } from './lib/log.js';
import type { Scorer } from './scorer/types.js';
import type { StoredItem, VibeStore } from './store/vibe-store.js';
import type { TopicMatcher } from './topics/matcher.js';

export interface PipelineOptions {
  collectors: readonly Collector[];
  matcher: TopicMatcher;
  scorer: Scorer;
  store: VibeStore;
  log: Log;
  /** Half-life of an item's weight in the aggregate. */
  halfLifeMs: number;
  /** Items older than this are out of the aggregate. */
  windowMs: number;
  /** Aggregates older than this are pruned from the history. */
  historyKeepMs: number;
  nowMs?: () => number;
}

export interface TickReport {
  polled: number;
  newItems: number;
  stored: number;
}

export class Pipeline {
  private readonly nowMs: () => number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly options: PipelineOptions) {
    this.nowMs = options.nowMs ?? Date.now;
  }

  get collectors(): readonly Collector[] {
    return this.options.collectors;
  }

  async tick(): Promise<TickReport> {
    const now = this.nowMs();
    const due = this.options.collectors.filter((collector) => collector.nextPollAtMs() <= now);
    const batches = await Promise.all(due.map((collector) => collector.poll()));
    const items = batches.flat();
    const mapped = items
      .map((item) => ({ item, topics: this.options.matcher.topicsOf(item) }))
      .filter((entry) => entry.topics.length > 0);
    let stored = 0;
    if (mapped.length > 0) {
      const scores = await this.options.scorer.score(mapped.map(({ item }) => `${item.title}. ${item.text}`));
      const rows: StoredItem[] = mapped.map(({ item, topics }, index) => ({
        id: item.id,
        source: item.source,
        title: item.title,
        publishedAtMs: item.publishedAtMs,
        polarity: Math.min(1, Math.max(-1, scores[index]?.polarity ?? 0)),
        modelId: this.options.scorer.modelId,
        topics,
      }));
      stored = this.options.store.addItems(rows);
    }
    this.aggregateAll();
    return { polled: due.length, newItems: items.length, stored };
  }

  /** Recomputes and stores every topic's aggregate as of now. */
  aggregateAll(): void {
    const now = this.nowMs();
    const health = new Map(this.options.collectors.map((collector) => [collector.name, collector.health()]));
    const rows = this.options.matcher.topics.map((topic) => {
      const items = this.options.store.topicItems(topic, now - this.options.windowMs, now);
      const result = aggregate(items, {
        nowMs: now,
        halfLifeMs: this.options.halfLifeMs,
        isHealthy: (source) => health.get(source)?.healthy === true,
      });
      const sources: SentimentSource[] = [...health.values()].map((h) => ({
        name: h.name,
        healthy: h.healthy,
        last_success_at: h.lastSuccessAtMs,
        items: result.perSource.get(h.name) ?? 0,
      }));
      return {
        topic,
        generatedAtMs: now,
        score: result.score,
        confidence: result.confidence,
        nItems: result.nItems,
        sourcesJson: JSON.stringify(sources),
      };
    });
    this.options.store.addAggregates(rows);
    this.options.store.pruneAggregates(now - this.options.historyKeepMs);
  }

  /** Runs `tick` every `intervalMs` (never two at once); errors are logged, the loop goes on. */
  start(intervalMs: number): void {
    const run = (): void => {
      this.running = this.tick().then(
        (report) => {
          if (report.stored > 0) this.options.log.info(report, 'sentiment items stored');
        },
        (err: unknown) => this.options.log.error({ err }, 'pipeline tick failed'),
      );
      void this.running.then(() => {
        if (this.timer !== null) this.timer = setTimeout(run, intervalMs);
      });
    };
    this.timer = setTimeout(run, 0);
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
