/**
 * The report as one self-contained HTML page: inline SVG charts of equity and exposure over
 * time, the summary table, the notes (what the replay could not do), and the trades table. No
 * scripts, no external stylesheets, fonts or images; every text is escaped.
 */
import type { BacktestReport, EquityPoint } from '@pt/protocol';
import { cents, contracts, dollars, isoTime, percentBps } from './format.js';

/** Trades listed in the page (the JSON has them all). */
export const MAX_TRADE_ROWS = 1_000;
const WIDTH = 900;
const HEIGHT = 220;
const PAD = 48;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** An SVG line chart of one figure of the equity points (time on x, value on y). */
export function lineChart(
  points: readonly EquityPoint[],
  pick: (p: EquityPoint) => number,
  title: string,
): string {
  const first = points[0];
  const last = points.at(-1);
  if (first === undefined || last === undefined) return `<p>${escapeHtml(title)}: no points.</p>`;
  const values = points.map(pick);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const spanX = Math.max(1, last.atMs - first.atMs);
  const spanY = Math.max(1, hi - lo);
  const x = (t: number) => PAD + ((t - first.atMs) / spanX) * (WIDTH - 2 * PAD);
  // Plot between y = PAD/2 and HEIGHT − PAD; the row below holds the low value and the times.
  const y = (v: number) => HEIGHT - PAD - ((v - lo) / spanY) * (HEIGHT - 1.5 * PAD);
  const path = points.map((p, i) => `${x(p.atMs).toFixed(1)},${y(values[i] ?? 0).toFixed(1)}`).join(' ');
  return [
    `<figure><figcaption>${escapeHtml(title)}</figcaption>`,
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escapeHtml(title)}">`,
    `<rect x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="#fff" stroke="#ccc"/>`,
    `<text x="4" y="14" font-size="11">${escapeHtml(dollars(hi))}</text>`,
    `<text x="4" y="${HEIGHT - PAD + 14}" font-size="11">${escapeHtml(dollars(lo))}</text>`,
    `<text x="${PAD}" y="${HEIGHT - 4}" font-size="11">${escapeHtml(isoTime(first.atMs))}</text>`,
    `<text x="${WIDTH - PAD}" y="${HEIGHT - 4}" font-size="11" text-anchor="end">${escapeHtml(isoTime(last.atMs))}</text>`,
    `<polyline fill="none" stroke="#1f6feb" stroke-width="1.5" points="${path}"/>`,
    '</svg></figure>',
  ].join('');
}

function row(label: string, value: string): string {
  return `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;
}

function counts(record: Readonly<Record<string, number>>): string {
  const entries = Object.entries(record);
  return entries.length === 0 ? 'none' : entries.map(([k, n]) => `${k}: ${n}`).join(', ');
}

export function renderReportHtml(report: BacktestReport, notes: readonly string[]): string {
  const s = report.summary;
  const summary = [
    row('Strategy', s.strategyId),
    row('Data set', s.dataSet),
    row('Seed', String(s.seed)),
    row('Replayed', `${isoTime(s.fromMs)} → ${isoTime(s.toMs)}`),
    row('Events', String(s.events)),
    row('Markets', String(s.markets)),
    row('Trades (fills)', String(s.trades)),
    row('Round trips', `${s.roundTrips} (${s.winningRoundTrips} winning)`),
    row('Hit rate', percentBps(s.hitRateBps)),
    row('Starting cash', dollars(s.startingCashE6)),
    row('Fees', dollars(s.feesE6)),
    row('P&L after fees', dollars(s.pnlAfterFeesE6)),
    row('Max drawdown', dollars(s.maxDrawdownE6)),
    row('Max exposure', dollars(s.maxExposureE6)),
    row('Not traded', counts(s.notTraded)),
    row('Risk denied', counts(s.riskDenied)),
  ].join('');
  const shown = report.trades.slice(0, MAX_TRADE_ROWS);
  const trades = shown
    .map(
      (t) =>
        `<tr><td>${escapeHtml(isoTime(t.atMs))}</td><td>${escapeHtml(t.ticker)}</td><td>${t.side === 'bid' ? 'buy YES' : 'sell YES'}</td>` +
        `<td>${escapeHtml(cents(t.priceE4))}</td><td>${escapeHtml(contracts(t.countE2))}</td><td>${escapeHtml(dollars(t.feeE6))}</td>` +
        `<td>${t.isReduceOnly ? 'yes' : 'no'}</td><td>${escapeHtml(t.reason)}</td></tr>`,
    )
    .join('');
  const more =
    report.trades.length > shown.length
      ? `<p>First ${shown.length} of ${report.trades.length} trades; the JSON report has them all.</p>`
      : '';
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<title>Backtest ${escapeHtml(s.id)}</title>`,
    '<style>body{font:14px system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse}',
    'th,td{border:1px solid #ddd;padding:3px 8px;text-align:left}figure{margin:12px 0}figcaption{font-weight:600}</style>',
    '</head><body>',
    `<h1>Backtest ${escapeHtml(s.id)}</h1>`,
    notes.length === 0
      ? ''
      : `<ul class="notes">${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`,
    lineChart(report.equity, (p) => p.equityE6, 'Equity (cash + positions at the mid)'),
    lineChart(report.equity, (p) => p.exposureE6, 'Exposure (|position| × mark)'),
    `<h2>Summary</h2><table>${summary}</table>`,
    `<h2>Trades</h2>${more}<table><thead><tr><th>Time (UTC)</th><th>Market</th><th>Side</th><th>Price</th><th>Contracts</th><th>Fee</th><th>Reduce-only</th><th>Reason</th></tr></thead><tbody>${trades}</tbody></table>`,
    '</body></html>\n',
  ].join('');
}
