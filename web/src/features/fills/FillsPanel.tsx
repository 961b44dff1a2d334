/** Our fills, newest first: time, market, side, price, size, fee, maker/taker; "Load older" pages back. */
import { useEffect } from 'react';
import type { Fill } from '@pt/protocol';
import { formatCount, formatMoney, formatPrice, formatTime } from '../../lib/format.js';
import { useFillsStore } from './fills.store.js';
import './fills.css';
import { PopOutButton } from '../popout/PopOutButton.js';
import { PagedTable, TimeCell } from './PagedTable.js';

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
      <PagedTable
        items={fills}
        isLoaded={isLoaded}
        isLoading={isLoading}
        error={error}
        hasMore={nextCursor !== null}
        loadMore={loadMore}
        emptyText="No fills yet."
        testId="fills-table"
        columns={['Time', 'Market', 'Side', 'Price', 'Contracts', 'Fee', 'Role']}
        row={(fill) => (
          <tr key={fill.fillId} data-fill-id={fill.fillId}>
            <TimeCell atMs={fill.executedAtMs} format={formatTime} />
            <td>{fill.ticker}</td>
            <td>{SIDE_LABEL[fill.side]}</td>
            <td>{formatPrice(fill.priceE4)}</td>
            <td>{formatCount(fill.countE2)}</td>
            <td>{formatMoney(fill.feeMoneyE6)}</td>
            <td>{fill.isTaker ? 'taker' : 'maker'}</td>
          </tr>
        )}
      />
    </section>
  );
}
