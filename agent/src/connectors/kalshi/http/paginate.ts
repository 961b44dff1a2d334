import { KalshiRequestError } from './request-error.js';
import type { Page } from './types.js';

export interface PaginateOptions {
  /** Stop after this many pages even if the venue keeps sending cursors (default 1,000). */
  maxPages?: number;
  /** Names the list in errors, e.g. `GET /portfolio/orders`. */
  endpoint?: string;
}

/**
 * Walks a cursor-paginated list. Stops on an empty page or a missing/empty cursor (the venue
 * does not say which one marks the end, so both do), and fails loudly if the venue hands back a
 * cursor it already gave (a loop that would otherwise never end) or the page cap is reached.
 */
export async function* paginate<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  options: PaginateOptions = {},
): AsyncGenerator<T[], void, undefined> {
  const maxPages = options.maxPages ?? 1_000;
  const endpoint = options.endpoint ?? 'paginated list';
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let pages = 0; pages < maxPages; pages++) {
    const page = await fetchPage(cursor);
    if (page.items.length > 0) yield page.items;
    if (page.items.length === 0 || page.cursor === undefined || page.cursor === '') return;
    if (seen.has(page.cursor)) throw paginationError(endpoint, `cursor repeated after ${pages + 1} pages`);
    seen.add(page.cursor);
    cursor = page.cursor;
  }
  throw paginationError(endpoint, `pagination stopped at the ${maxPages}-page cap`);
}

/** The venue's cursors do not terminate: a contract problem, never a silent truncation. */
function paginationError(endpoint: string, message: string): KalshiRequestError {
  return new KalshiRequestError({
    kind: 'contract',
    endpoint,
    httpStatus: undefined,
    venueCode: undefined,
    venueMessage: undefined,
    field: 'cursor',
    message: `${endpoint}: ${message}`,
  });
}

/** Every item of every page, in order. */
export async function collectAll<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  options: PaginateOptions = {},
): Promise<T[]> {
  const all: T[] = [];
  for await (const items of paginate(fetchPage, options)) all.push(...items);
  return all;
}
