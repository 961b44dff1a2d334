/**
 * The service's SQLite file (better-sqlite3, WAL): scored items with their topics, and every
 * aggregate computed (the history behind chart overlays). One process writes; readers are the
 * API in the same process. The scale-out plan (README) swaps this file for a shared database.
 */
import Database from 'better-sqlite3';
import type { SentimentHistoryPoint } from '@pt/protocol';

export interface StoredItem {
  id: string;
  source: string;
  title: string;
  publishedAtMs: number;
  polarity: number;
  modelId: string;
  topics: readonly string[];
}

export interface TopicItemRow {
  source: string;
  publishedAtMs: number;
  polarity: number;
}

export interface AggregateRow {
  topic: string;
  generatedAtMs: number;
  score: number;
  confidence: number;
  nItems: number;
  /** JSON of the per-source breakdown, as served. */
  sourcesJson: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS items (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  title TEXT NOT NULL,
  published_at_ms INTEGER NOT NULL,
  polarity REAL NOT NULL CHECK (polarity BETWEEN -1 AND 1),
  model_id TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS item_topics (
  item_id TEXT NOT NULL REFERENCES items(id),
  topic TEXT NOT NULL,
  published_at_ms INTEGER NOT NULL,
  PRIMARY KEY (topic, published_at_ms, item_id)
) STRICT;
CREATE TABLE IF NOT EXISTS aggregates (
  topic TEXT NOT NULL,
  generated_at_ms INTEGER NOT NULL,
  score REAL NOT NULL CHECK (score BETWEEN -1 AND 1),
  confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
  n_items INTEGER NOT NULL,
  sources_json TEXT NOT NULL,
  PRIMARY KEY (topic, generated_at_ms)
) STRICT;
`;

export class VibeStore {
  private readonly db: Database.Database;
  private readonly insertItem: Database.Statement;
  private readonly insertTopic: Database.Statement;
  private readonly insertAggregate: Database.Statement;

  /** `file` may be `:memory:`. */
  constructor(readonly file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    this.insertItem = this.db.prepare(
      // ON CONFLICT (not OR IGNORE, which would also swallow a failed CHECK): only a repeat is skipped.
      'INSERT INTO items (id, source, title, published_at_ms, polarity, model_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
    );
    this.insertTopic = this.db.prepare(
      'INSERT INTO item_topics (item_id, topic, published_at_ms) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.insertAggregate = this.db.prepare(
      'INSERT OR REPLACE INTO aggregates (topic, generated_at_ms, score, confidence, n_items, sources_json) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  /** Inserts items (an id already stored is ignored: dedupe across restarts); returns how many were new. */
  addItems(items: readonly StoredItem[]): number {
    return this.db.transaction((batch: readonly StoredItem[]) => {
      let added = 0;
      for (const item of batch) {
        const info = this.insertItem.run(
          item.id,
          item.source,
          item.title,
          item.publishedAtMs,
          item.polarity,
          item.modelId,
        );
        if (info.changes === 0) continue;
        added += 1;
        for (const topic of item.topics) this.insertTopic.run(item.id, topic, item.publishedAtMs);
      }
      return added;
    })(items);
  }

  /** Items of a topic published in [fromMs, toMs]. */
  topicItems(topic: string, fromMs: number, toMs: number): TopicItemRow[] {
    return this.db
      .prepare(
        `SELECT i.source AS source, t.published_at_ms AS publishedAtMs, i.polarity AS polarity
         FROM item_topics t JOIN items i ON i.id = t.item_id
         WHERE t.topic = ? AND t.published_at_ms BETWEEN ? AND ?`,
      )
      .all(topic, fromMs, toMs) as TopicItemRow[];
  }

  addAggregates(rows: readonly AggregateRow[]): void {
    this.db.transaction((batch: readonly AggregateRow[]) => {
      for (const r of batch)
        this.insertAggregate.run(r.topic, r.generatedAtMs, r.score, r.confidence, r.nItems, r.sourcesJson);
    })(rows);
  }

  latestAggregate(topic: string): AggregateRow | null {
    const row = this.db
      .prepare(
        `SELECT topic, generated_at_ms AS generatedAtMs, score, confidence, n_items AS nItems, sources_json AS sourcesJson
         FROM aggregates WHERE topic = ? ORDER BY generated_at_ms DESC LIMIT 1`,
      )
      .get(topic) as AggregateRow | undefined;
    return row ?? null;
  }

  /** The newest `limit` aggregates of a topic in [fromMs, toMs], oldest first. */
  history(topic: string, fromMs: number, toMs: number, limit: number): SentimentHistoryPoint[] {
    const rows = this.db
      .prepare(
        `SELECT generated_at_ms AS generated_at, score, confidence, n_items
         FROM aggregates WHERE topic = ? AND generated_at_ms BETWEEN ? AND ?
         ORDER BY generated_at_ms DESC LIMIT ?`,
      )
      .all(topic, fromMs, toMs, limit) as SentimentHistoryPoint[];
    return rows.reverse();
  }

  /** Drops aggregates older than `beforeMs` (history is kept for a bounded time). */
  pruneAggregates(beforeMs: number): number {
    return this.db.prepare('DELETE FROM aggregates WHERE generated_at_ms < ?').run(beforeMs).changes;
  }

  close(): void {
    this.db.close();
  }
}
