/**
 * Markets: a searchable list of the venue's open markets (status, series, close time, last price,
 * 24h volume, the agent's book liveness). "Open" shows the market in the market view and the ticket.
 */
import { useEffect, useState } from 'react';
import type { MarketListEntry } from '@pt/protocol';
import { formatCount, formatPrice } from '../../lib/format.js';
import { searchMarkets, useMarketsStore } from './markets.store.js';

const REFRESH_MS = 10_000;
/** Rows rendered at once; the search narrows the rest. */
const MAX_ROWS = 100;

const LIVENESS_TEXT: Record<MarketListEntry['liveness'], string> = {
  live: 'live',
  stale: 'STALE',
  not_followed: '—',
};

function formatClose(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { hour12: false, dateStyle: 'short', timeStyle: 'short' });
}

export function MarketsPanel() {
  const { markets, isTruncated, error, load, open } = useMarketsStore();
  const [query, setQuery] = useState('');
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);
  const found = searchMarkets(markets, query);
  const shown = found.slice(0, MAX_ROWS);
  return (
    <section className="area-markets" aria-labelledby="markets-title">
      <h2 id="markets-title">Markets</h2>
      <label>
        Search markets
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
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
              <tr key={m.ticker} data-ticker={m.ticker} data-liveness={m.liveness}>
                <td title={m.title}>
                  {m.ticker}
                  <br />
                  <span className="muted">{m.yesSubtitle || m.title}</span>
                </td>
                <td>{m.seriesTicker ?? '—'}</td>
                <td>{m.status}</td>
                <td>{formatClose(m.closeTimeMs)}</td>
                <td>{m.lastPriceE4 === null ? '—' : formatPrice(m.lastPriceE4)}</td>
                <td>{formatCount(m.volume24hCountE2)}</td>
                <td className={m.liveness === 'stale' ? 'error' : ''}>{LIVENESS_TEXT[m.liveness]}</td>
                <td>
                  <button type="button" aria-label={`Open ${m.ticker}`} onClick={() => open(m.ticker)}>
                    Open
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
