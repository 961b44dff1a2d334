/**
 * Backtests: the reports `npm run backtest` left in the agent's data dir — strategy, data set,
 * P&L after fees, hit rate, max drawdown, trades — and, for the selected one, its summary and the
 * equity curve with exposure (the chart is a lazily loaded chunk).
 */
import { Suspense, lazy, useEffect } from 'react';
import type { BacktestReport, BacktestSummary } from '@pt/protocol';
import { formatMoney } from '../../lib/format.js';
import { useBacktestsStore } from './backtests.store.js';
import { formatHitRate, formatPnl, formatUtc } from './format-backtest.js';
import './backtests.css';
import { PopOutButton } from '../popout/PopOutButton.js';

const EquityChart = lazy(() => import('./EquityChart.js'));

const pnlClass = (pnlE6: number): string => (pnlE6 < 0 ? 'loss' : pnlE6 > 0 ? 'gain' : '');

function SummaryRow({ summary, isSelected }: { summary: BacktestSummary; isSelected: boolean }) {
  const select = useBacktestsStore((s) => s.select);
  return (
    <tr className={isSelected ? 'selected' : undefined} data-id={summary.id}>
      <td>
        <button
          type="button"
          aria-pressed={isSelected}
          aria-label={`Show backtest ${summary.id}`}
          onClick={() => void select(summary.id)}
        >
          {summary.strategyId}
        </button>
      </td>
      <td className="text">{summary.dataSet}</td>
      <td className="text">{formatUtc(summary.createdAtMs)}</td>
      <td className={pnlClass(summary.pnlAfterFeesE6)}>{formatPnl(summary.pnlAfterFeesE6)}</td>
      <td>{formatHitRate(summary.hitRateBps)}</td>
      <td>{formatMoney(summary.maxDrawdownE6)}</td>
      <td>{summary.trades}</td>
    </tr>
  );
}

function topReasons(counts: Readonly<Record<string, number>>): string {
  const entries = Object.entries(counts).sort(([, a], [, b]) => b - a);
  if (entries.length === 0) return 'none';
  return entries
    .slice(0, 3)
    .map(([reason, n]) => `${reason} (${n})`)
    .join(', ');
}

function ReportDetail({ report }: { report: BacktestReport }) {
  const s = report.summary;
  const first = report.equity[0];
  const last = report.equity.at(-1);
  const label =
    first === undefined || last === undefined
      ? `Equity curve of ${s.id}: no points`
      : `Equity curve of ${s.id}: ${formatMoney(first.equityE6)} to ${formatMoney(last.equityE6)} over ${report.equity.length} points, exposure up to ${formatMoney(s.maxExposureE6)}`;
  return (
    <div aria-labelledby="backtest-detail-h" role="region">
      <h3 id="backtest-detail-h">{s.id}</h3>
      <dl className="figures" data-testid="backtest-summary">
        <dt>Period</dt>
        <dd>
          {formatUtc(s.fromMs)} – {formatUtc(s.toMs)}
        </dd>
        <dt>Events</dt>
        <dd>{s.events}</dd>
        <dt>Markets</dt>
        <dd>{s.markets}</dd>
        <dt>Starting cash</dt>
        <dd>{formatMoney(s.startingCashE6)}</dd>
        <dt>P&amp;L after fees</dt>
        <dd className={pnlClass(s.pnlAfterFeesE6)}>{formatPnl(s.pnlAfterFeesE6)}</dd>
        <dt>Fees</dt>
        <dd>{formatMoney(s.feesE6)}</dd>
        <dt>Round trips won</dt>
        <dd>
          {s.winningRoundTrips} of {s.roundTrips} ({formatHitRate(s.hitRateBps)})
        </dd>
        <dt>Max drawdown</dt>
        <dd>{formatMoney(s.maxDrawdownE6)}</dd>
        <dt>Max exposure</dt>
        <dd>{formatMoney(s.maxExposureE6)}</dd>
        <dt>Seed</dt>
        <dd>{s.seed}</dd>
      </dl>
      <p className="small muted">
        Not traded: {topReasons(s.notTraded)}. Risk denied: {topReasons(s.riskDenied)}.
      </p>
      <Suspense fallback={<div className="chart">Loading chart…</div>}>
        <EquityChart equity={report.equity} label={label} />
      </Suspense>
      <p className="small muted">
        Equity (blue, right scale) and exposure (amber, left scale) in dollars. Charts by TradingView.
      </p>
    </div>
  );
}

export function BacktestsPanel() {
  const { summaries, listError, selectedId, view, load } = useBacktestsStore();
  useEffect(() => void load(), [load]);
  return (
    <section aria-labelledby="backtests-h" className="area-backtests">
      <PopOutButton panel="backtests" label="Backtests" />
      <h2 id="backtests-h">Backtests</h2>
      <div className="toolbar">
        <button type="button" onClick={() => void load()}>
          Refresh backtests
        </button>
      </div>
      {listError !== null && <p role="alert">Backtests could not be loaded: {listError}</p>}
      {summaries === null && listError === null && <p>Loading…</p>}
      {summaries !== null && summaries.length === 0 && (
        <p className="muted">
          No backtest reports yet. Run{' '}
          <code>npm run backtest -- --strategy volatility-rider --data &lt;set&gt;</code>.
        </p>
      )}
      {summaries !== null && summaries.length > 0 && (
        <div className="scroll">
          <table className="backtests-table" data-testid="backtests-table">
            <caption className="small muted">{summaries.length} report(s), newest first</caption>
            <thead>
              <tr>
                <th scope="col">Strategy</th>
                <th scope="col" className="text">
                  Data set
                </th>
                <th scope="col" className="text">
                  Run
                </th>
                <th scope="col">P&amp;L after fees</th>
                <th scope="col">Hit rate</th>
                <th scope="col">Max drawdown</th>
                <th scope="col">Trades</th>
              </tr>
            </thead>
            <tbody>
              {summaries.map((summary) => (
                <SummaryRow key={summary.id} summary={summary} isSelected={summary.id === selectedId} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {view.kind === 'loading' && <p>Loading {view.id}…</p>}
      {view.kind === 'failed' && (
        <p role="alert">
          Backtest {view.id} could not be loaded: {view.message}
        </p>
      )}
      {view.kind === 'ready' && <ReportDetail report={view.report} />}
    </section>
  );
}
