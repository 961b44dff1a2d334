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
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {isLoaded && settlements.length === 0 && <p>No settled markets yet.</p>}
      {!isLoaded && error === null && <p>Loading…</p>}
      {settlements.length > 0 && (
        <table data-testid="settlements-table">
          <thead>
            <tr>
              <th scope="col">Settled</th>
              <th scope="col">Market</th>
              <th scope="col">Result</th>
              <th scope="col">Position</th>
              <th scope="col">Payout</th>
              <th scope="col">Cost</th>
              <th scope="col">P&amp;L</th>
            </tr>
          </thead>
          <tbody>
            {settlements.map((s) => (
              <tr key={`${s.ticker}@${s.settledAtMs}`}>
                <td>
                  <time dateTime={new Date(s.settledAtMs).toISOString()}>{formatTime(s.settledAtMs)}</time>
                </td>
                <td>{s.ticker}</td>
                <td>{RESULT_LABEL[s.marketResult]}</td>
                <td>{formatPosition(s.positionCountE2)}</td>
                <td>{formatMoney(s.revenueMoneyE6)}</td>
                <td>{formatMoney(s.costMoneyE6)}</td>
                <td>{formatMoney(s.realizedPnlMoneyE6)}</td>
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
