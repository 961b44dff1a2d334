/** Positions and P&L: today's, realized and unrealized P&L, cash, equity and drawdown, each position marked. */
import type { MoneyE6 } from '@pt/protocol';
import { formatMoney, formatPosition, formatPrice, formatTime } from '../../lib/format.js';
import { usePortfolioStore } from './portfolio.store.js';
import { PopOutButton } from '../popout/PopOutButton.js';

function money(value: MoneyE6 | null): string {
  return value === null ? '—' : formatMoney(value);
}

export function PortfolioPanel() {
  const portfolio = usePortfolioStore((s) => s.portfolio);
  const error = usePortfolioStore((s) => s.error);
  if (portfolio === null) {
    return (
      <section aria-labelledby="portfolio-h" className="area-portfolio">
        <h2 id="portfolio-h">Positions and P&amp;L</h2>
        {error === null ? <p>Loading…</p> : <p className="error">{error}</p>}
      </section>
    );
  }
  const { totals, today, equity, flags } = portfolio;
  const open = portfolio.positions.filter((p) => p.position.positionCountE2 !== 0);
  return (
    <section aria-labelledby="portfolio-h" className="area-portfolio" data-testid="portfolio">
      <PopOutButton panel="positions" label="Positions and P&L" />
      <h2 id="portfolio-h">Positions and P&amp;L</h2>
      <dl className="figures">
        <div>
          <dt>Today ({today.date})</dt>
          <dd>{formatMoney(today.totalPnlMoneyE6)}</dd>
        </div>
        <div>
          <dt>Realized</dt>
          <dd>{formatMoney(totals.realizedPnlMoneyE6)}</dd>
        </div>
        <div>
          <dt>Unrealized</dt>
          <dd>{formatMoney(totals.unrealizedPnlMoneyE6)}</dd>
        </div>
        <div>
          <dt>Fees</dt>
          <dd>{formatMoney(totals.feesPaidMoneyE6)}</dd>
        </div>
        <div>
          <dt>Exposure</dt>
          <dd>{formatMoney(totals.exposureMoneyE6)}</dd>
        </div>
        <div>
          <dt>Cash</dt>
          <dd>{money(portfolio.availableMoneyE6)}</dd>
        </div>
        <div>
          <dt>Equity</dt>
          <dd>{money(equity.equityMoneyE6)}</dd>
        </div>
        <div>
          <dt>Drawdown</dt>
          <dd>{money(equity.drawdownMoneyE6)}</dd>
        </div>
      </dl>
      {!flags.isVenueConnected && (
        <p className="error" role="status">
          Venue not connected: positions are what the ledger last knew.
        </p>
      )}
      {flags.unmarkedTickers.length > 0 && (
        <p role="status">Not marked (book not quotable): {flags.unmarkedTickers.join(', ')}</p>
      )}
      {flags.disputedTickers.length > 0 && <p role="status">Disputed: {flags.disputedTickers.join(', ')}</p>}
      {open.length === 0 ? (
        <p>No open positions.</p>
      ) : (
        <table className="orders" data-testid="positions-table">
          <thead>
            <tr>
              <th scope="col">Market</th>
              <th scope="col">Position</th>
              <th scope="col">Avg cost</th>
              <th scope="col">Mark</th>
              <th scope="col">Value</th>
              <th scope="col">Unrealized</th>
            </tr>
          </thead>
          <tbody>
            {open.map((p) => (
              <tr key={p.position.ticker}>
                <td>
                  {p.position.ticker}
                  {p.isDisputed && ' (disputed)'}
                </td>
                <td>{formatPosition(p.position.positionCountE2)}</td>
                <td>{p.averageCostPriceE4 === null ? '—' : formatPrice(p.averageCostPriceE4)}</td>
                <td>{p.markPriceE4 === null ? '—' : formatPrice(p.markPriceE4)}</td>
                <td>{money(p.marketValueMoneyE6)}</td>
                <td>{money(p.position.unrealizedPnlMoneyE6)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <small>As of {formatTime(portfolio.asOfMs)}</small>
    </section>
  );
}
