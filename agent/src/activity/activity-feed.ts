/**
 * The feed's query side: pages of the current environment's activity, newest first. Reads on its
 * own read-only connection to the current store's file (never the writer's), reopened when the
 * environment's store changes.
 */
import type { Database } from 'better-sqlite3';
import { ActivityEvent, ActivityKind } from '@pt/protocol';
import type { ActivityPage, ActivityQuery } from '@pt/protocol';
import { ActivityLedgerQuery } from '../store/activity-query.js';
import { openReader } from '../store/index.js';
import type { Store } from '../store/index.js';
import { ledgerKindOf } from './activity-input.js';
import { decodeCursor, encodeCursor } from './cursor.js';

export const DEFAULT_ACTIVITY_PAGE = 100;

interface OpenReader {
  readonly store: Pick<Store, 'file'>;
  readonly db: Database;
  readonly query: ActivityLedgerQuery;
}

export class ActivityFeed {
  private open: OpenReader | undefined;

  /** `currentStore`: e.g. `() => runtime.current().store`. */
  constructor(private readonly currentStore: () => Pick<Store, 'file'>) {}

  /** One page for a parsed ActivityQuery; VALIDATION_FAILED naming `cursor` for a foreign cursor. */
  page(query: ActivityQuery): ActivityPage {
    const limit = query.limit ?? DEFAULT_ACTIVITY_PAGE;
    const kinds = [...new Set(query.kind ?? ActivityKind.options)].map(ledgerKindOf);
    const rows = this.reader().query.page({
      kinds,
      limit: limit + 1,
      ...(query.ticker === undefined ? {} : { ticker: query.ticker }),
      ...(query.sinceMs === undefined ? {} : { sinceMs: query.sinceMs }),
      ...(query.untilMs === undefined ? {} : { untilMs: query.untilMs }),
      ...(query.cursor === undefined ? {} : { beforeId: decodeCursor(query.cursor) }),
    });
    const pageRows = rows.slice(0, limit);
    const last = pageRows.at(-1);
    return {
      // Written by the recorder after the same parse; a row that no longer parses is a bug.
      events: pageRows.map((row) => ActivityEvent.parse(row.payload)),
      nextCursor: rows.length > limit && last !== undefined ? encodeCursor(last.id) : null,
    };
  }

  /** Closes the read connection (agent stop). A later `page` opens one again. */
  close(): void {
    this.open?.db.close();
    this.open = undefined;
  }

  private reader(): OpenReader {
    const store = this.currentStore();
    if (this.open?.store === store) return this.open;
    this.close();
    const db = openReader(store.file);
    this.open = { store, db, query: new ActivityLedgerQuery(db) };
    return this.open;
  }
}
