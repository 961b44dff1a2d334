/**
 * A paged list as a table: the store's error, "loading" and "nothing yet" lines, the table with
 * its column headers and one row per item, and "Load older" while the agent has more pages.
 */
import type { ReactNode } from 'react';

export interface PagedTableProps<T> {
  readonly items: readonly T[];
  readonly isLoaded: boolean;
  readonly isLoading: boolean;
  readonly error: string | null;
  readonly hasMore: boolean;
  readonly loadMore: () => Promise<void>;
  /** Shown once loaded with no item. */
  readonly emptyText: string;
  readonly testId: string;
  readonly columns: readonly string[];
  readonly row: (item: T) => ReactNode;
}

export function PagedTable<T>(props: PagedTableProps<T>) {
  const { items, isLoaded, isLoading, error } = props;
  return (
    <>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {isLoaded && items.length === 0 && <p>{props.emptyText}</p>}
      {!isLoaded && error === null && <p>Loading…</p>}
      {items.length > 0 && (
        <table data-testid={props.testId}>
          <thead>
            <tr>
              {props.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{items.map(props.row)}</tbody>
        </table>
      )}
      {props.hasMore && (
        <button type="button" onClick={() => void props.loadMore()} disabled={isLoading}>
          {isLoading ? 'Loading…' : 'Load older'}
        </button>
      )}
    </>
  );
}

/** A time cell: the local time, with the exact instant in `dateTime`. */
export function TimeCell({
  atMs,
  format,
}: {
  readonly atMs: number;
  readonly format: (ms: number) => string;
}) {
  return (
    <td>
      <time dateTime={new Date(atMs).toISOString()}>{format(atMs)}</time>
    </td>
  );
}
