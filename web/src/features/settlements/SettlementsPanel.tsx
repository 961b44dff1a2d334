/**
 * Settled markets, newest first: result, our position going in, the payout, the cost it closed and
 * the realized P&L. Disputed markets are listed apart: the agent holds those positions back and
 * never settles them automatically (from the portfolio's flags).
 */
import { useEffect } from 'react';
import type { SettlementRecord } from '@pt/protocol';
import { formatMoney, formatPosition, formatTime } from '../../lib/format.js';
import { usePortfolioStore } from '../portfolio/portfolio.store.js';
import { useSettlementsStore } from './settlements.store.js';
import '../fills/fills.css';
import { PopOutButton } from '../popout/PopOutButton.js';
import { PagedTable, TimeCell } from '../fills/PagedTable.js';

const NONE: readonly string[] = [];

const RESULT_LABEL: Record<SettlementRecord['marketResult'], string> = {
  yes: 'YES',
  no: 'NO',
  scalar: 'scalar',
};

export function SettlementsPanel() {
  const settlements = useSettlementsStore((s) => s.items);
  const nextCursor = useSettlementsStore((s) => s.nextCursor);
  const isLoaded = useSettlementsStore((s) => s.isLoaded);
  const isLoading = useSettlementsStore((s) => s.isLoading);
  const error = useSettlementsStore((s) => s.error);
  const loadMore = useSettlementsStore((s) => s.loadMore);
  const disputed = usePortfolioStore((s) => s.portfolio?.flags.disputedTickers ?? NONE);
  useEffect(() => {
    if (!useSettlementsStore.getState().isLoaded) void useSettlementsStore.getState().reload();
  }, []);

  return (
    <section aria-labelledby="settlements-h" className="area-settlements">
      <PopOutButton panel="settlements" label="Settlements" />
      <h2 id="settlements-h">Settlements</h2>
      {disputed.length > 0 && (
        <p role="status" className="warning" data-testid="settlements-held">
          Held back (disputed, not settled automatically): {disputed.join(', ')}
        </p>
      )}
      <PagedTable
        items={settlements}
        isLoaded={isLoaded}
        isLoading={isLoading}
        error={error}
        hasMore={nextCursor !== null}
        loadMore={loadMore}
        emptyText="No settled markets yet."
        testId="settlements-table"
        columns={['Settled', 'Market', 'Result', 'Position', 'Payout', 'Cost', 'P&L']}
        row={(s) => (
          <tr key={`${s.ticker}@${s.settledAtMs}`}>
            <TimeCell atMs={s.settledAtMs} format={formatTime} />
            <td>{s.ticker}</td>
            <td>{RESULT_LABEL[s.marketResult]}</td>
            <td>{formatPosition(s.positionCountE2)}</td>
            <td>{formatMoney(s.revenueMoneyE6)}</td>
            <td>{formatMoney(s.costMoneyE6)}</td>
            <td>{formatMoney(s.realizedPnlMoneyE6)}</td>
          </tr>
        )}
      />
    </section>
  );
}
