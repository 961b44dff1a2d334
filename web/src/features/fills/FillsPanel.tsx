/** Our fills, newest first: time, market, side, price, size, fee, maker/taker; "Load older" pages back. */
import { useEffect } from 'react';
import type { Fill } from '@pt/protocol';
import { formatCount, formatMoney, formatPrice, formatTime } from '../../lib/format.js';
import { useFillsStore } from './fills.store.js';
import './fills.css';
import { PopOutButton } from '../popout/PopOutButton.js';

const SIDE_LABEL: Record<Fill['side'], string> = { bid: 'Buy YES', ask: 'Sell YES' };

export function FillsPanel() {
  const fills = useFillsStore((s) => s.items);
  const nextCursor = useFillsStore((s) => s.nextCursor);
  const isLoaded = useFillsStore((s) => s.isLoaded);
  const isLoading = useFillsStore((s) => s.isLoading);
  const error = useFillsStore((s) => s.error);
  const loadMore = useFillsStore((s) => s.loadMore);
  useEffect(() => {
    if (!useFillsStore.getState().isLoaded) void useFillsStore.getState().reload();
  }, []);

  return (
    <section aria-labelledby="fills-h" className="area-fills">
      <PopOutButton panel="fills" label="Fills" />
      <h2 id="fills-h">Fills</h2>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {isLoaded && fills.length === 0 && <p>No fills yet.</p>}
      {!isLoaded && error === null && <p>Loading…</p>}
      {fills.length > 0 && (
        <table data-testid="fills-table">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Market</th>
              <th scope="col">Side</th>
              <th scope="col">Price</th>
              <th scope="col">Contracts</th>
              <th scope="col">Fee</th>
              <th scope="col">Role</th>
            </tr>
          </thead>
          <tbody>
            {fills.map((fill) => (
              <tr key={fill.fillId} data-fill-id={fill.fillId}>
                <td>
                  <time dateTime={new Date(fill.executedAtMs).toISOString()}>
                    {formatTime(fill.executedAtMs)}
                  </time>
                </td>
                <td>{fill.ticker}</td>
                <td>{SIDE_LABEL[fill.side]}</td>
                <td>{formatPrice(fill.priceE4)}</td>
                <td>{formatCount(fill.countE2)}</td>
                <td>{formatMoney(fill.feeMoneyE6)}</td>
                <td>{fill.isTaker ? 'taker' : 'maker'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextCursor !== null && (
        <button type="button" onClick={() => void loadMore()} disabled={isLoading}>
          {isLoading ? 'Loading…' : 'Load older'}
        </button>
      )}
    </section>
  );
}
