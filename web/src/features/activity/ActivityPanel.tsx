/** The activity feed: newest first, filter by kind and market, page back with "Load older". */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ActivityKind } from '@pt/protocol';
import { formatTime } from '../../lib/format.js';
import { useActivityStore } from './activity.store.js';
import { PopOutButton } from '../popout/PopOutButton.js';
import { CachedNotice } from '../../db/CachedNotice.js';

export function ActivityPanel() {
  const events = useActivityStore((s) => s.events);
  const nextCursor = useActivityStore((s) => s.nextCursor);
  const filters = useActivityStore((s) => s.filters);
  const isLoading = useActivityStore((s) => s.isLoading);
  const error = useActivityStore((s) => s.error);
  const setFilters = useActivityStore((s) => s.setFilters);
  const loadMore = useActivityStore((s) => s.loadMore);
  const [ticker, setTicker] = useState(filters.ticker);

  const toggleKind = (kind: ActivityKind): void => {
    const kinds = filters.kinds.includes(kind)
      ? filters.kinds.filter((k) => k !== kind)
      : [...filters.kinds, kind];
    void setFilters({ ...filters, kinds });
  };
  const applyTicker = (event: FormEvent): void => {
    event.preventDefault();
    void setFilters({ ...filters, ticker: ticker.trim().toUpperCase() });
  };

  return (
    <section aria-labelledby="activity-h" className="area-activity">
      <PopOutButton panel="activity" label="Activity" />
      <h2 id="activity-h">Activity</h2>
      <CachedNotice scope="activity" />
      <fieldset className="kinds">
        <legend>Kinds (none = all)</legend>
        {ActivityKind.options.map((kind) => (
          <label key={kind} className="chip">
            <input type="checkbox" checked={filters.kinds.includes(kind)} onChange={() => toggleKind(kind)} />
            {kind.replace('_', ' ')}
          </label>
        ))}
      </fieldset>
      <form onSubmit={applyTicker} className="inline-form">
        <label>
          Market
          <input
            value={ticker}
            onChange={(e) => setTicker(e.target.value)}
            placeholder="all markets"
            spellCheck={false}
          />
        </label>
        <button type="submit">Filter</button>
      </form>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <ol className="activity" data-testid="activity-list">
        {events.map((event) => (
          <li key={event.id} className={`sev-${event.severity}`} data-kind={event.kind}>
            <time dateTime={new Date(event.atMs).toISOString()}>{formatTime(event.atMs)}</time>{' '}
            <span className="kind">{event.kind.replace('_', ' ')}</span>{' '}
            {event.ticker !== null && <span className="ticker">{event.ticker}</span>} {event.message}
            {event.notTradedReason !== null && (
              <span className="why"> (not traded: {event.notTradedReason})</span>
            )}
          </li>
        ))}
      </ol>
      {events.length === 0 && !isLoading && <p>No activity matches.</p>}
      {nextCursor !== null && (
        <button type="button" onClick={() => void loadMore()} disabled={isLoading}>
          {isLoading ? 'Loading…' : 'Load older'}
        </button>
      )}
    </section>
  );
}
