/**
 * Markets: a searchable list of the venue's open markets (status, series, close time, last price,
 * 24h volume, the agent's book liveness). "Open" shows the market in the market view and the ticket.
 */
import { CachedMarketsNotice } from '../../db/CachedNotice.js';
import { memo, useEffect, useMemo, useState } from 'react';
import type { MarketListEntry } from '@pt/protocol';
import { formatCount, formatPrice } from '../../lib/format.js';
import { searchMarkets, useMarketsStore } from './markets.store.js';
import { PopOutButton } from '../popout/PopOutButton.js';

const REFRESH_MS = 10_000;
/** Rows rendered at once; the search narrows the rest. */
const MAX_ROWS = 100;

const LIVENESS_TEXT: Record<MarketListEntry['liveness'], string> = {
  live: 'live',
  stale: 'STALE',
  not_followed: '—',
};

/** One formatter for every row (a `toLocaleString` per cell builds a formatter each time). */
const CLOSE_FORMAT = new Intl.DateTimeFormat(undefined, {
  hour12: false,
  dateStyle: 'short',
  timeStyle: 'short',
});

const isSameRow = (a: MarketListEntry, b: MarketListEntry): boolean =>
  a.ticker === b.ticker &&
  a.title === b.title &&
  a.yesSubtitle === b.yesSubtitle &&
  a.seriesTicker === b.seriesTicker &&
  a.status === b.status &&
  a.closeTimeMs === b.closeTimeMs &&
  a.lastPriceE4 === b.lastPriceE4 &&
  a.volume24hCountE2 === b.volume24hCountE2 &&
  a.liveness === b.liveness;

/** A row re-renders only when what it shows changed (the list is re-read every 10 s). */
const MarketRow = memo(
  function MarketRow({ m, open }: { m: MarketListEntry; open: (ticker: string) => void }) {
    return (
      <tr data-ticker={m.ticker} data-liveness={m.liveness}>
        <td title={m.title}>
          {m.ticker}
          <br />
          <span className="muted">{m.yesSubtitle || m.title}</span>
        </td>
        <td>{m.seriesTicker ?? '—'}</td>
        <td>{m.status}</td>
        <td>{CLOSE_FORMAT.format(m.closeTimeMs)}</td>
        <td>{m.lastPriceE4 === null ? '—' : formatPrice(m.lastPriceE4)}</td>
        <td>{formatCount(m.volume24hCountE2)}</td>
        <td className={m.liveness === 'stale' ? 'error' : ''}>{LIVENESS_TEXT[m.liveness]}</td>
        <td>
          <button type="button" aria-label={`Open ${m.ticker}`} onClick={() => open(m.ticker)}>
            Open
          </button>
        </td>
      </tr>
    );
  },
  (before, after) => before.open === after.open && isSameRow(before.m, after.m),
);

export function MarketsPanel() {
  const markets = useMarketsStore((s) => s.markets);
  const isTruncated = useMarketsStore((s) => s.isTruncated);
  const error = useMarketsStore((s) => s.error);
  const load = useMarketsStore((s) => s.load);
  const open = useMarketsStore((s) => s.open);
  const [query, setQuery] = useState('');
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);
  const found = useMemo(() => searchMarkets(markets, query), [markets, query]);
  const shown = found.slice(0, MAX_ROWS);
  return (
    <section className="area-markets" aria-labelledby="markets-title">
      <PopOutButton panel="markets" label="Markets" />
      <h2 id="markets-title">Markets</h2>
      <label>
        Search markets
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      <CachedMarketsNotice />
      {error !== null && (
        <p className="error" role="status">
          Markets not loaded: {error}
        </p>
      )}
      <p className="muted" data-testid="markets-count">
        {found.length} of {markets.length} open markets{isTruncated ? ' (the venue lists more)' : ''}
        {found.length > shown.length ? `; first ${shown.length} shown` : ''}
      </p>
      <div className="scroll">
        <table className="orders" data-testid="markets-table">
          <thead>
            <tr>
              <th scope="col">Market</th>
              <th scope="col">Series</th>
              <th scope="col">Status</th>
              <th scope="col">Closes</th>
              <th scope="col">Last</th>
              <th scope="col">24h vol</th>
              <th scope="col">Data</th>
              <th scope="col">
                <span className="visually-hidden">Open</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((m) => (
              <MarketRow key={m.ticker} m={m} open={open} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
