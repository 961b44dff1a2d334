/** Display text for backtest figures: integers in, strings out (never floats in state). */
import type { BacktestSummary } from '@pt/protocol';
import { formatMoney } from '../../lib/format.js';

/** 5_000 → "50.00%"; null (no round trip) → "—". */
export function formatHitRate(bps: number | null): string {
  if (bps === null) return '—';
  return `${Math.floor(bps / 100)}.${String(bps % 100).padStart(2, '0')}%`;
}

/** P&L with its sign: "+$0.03", "-$1.20", "$0.00". */
export function formatPnl(pnlE6: BacktestSummary['pnlAfterFeesE6']): string {
  const text = formatMoney(pnlE6);
  return pnlE6 > 0 && text !== '$0.00' ? `+${text}` : text;
}

/** UTC date and time to the minute: "2025-11-24 10:00 UTC". */
export function formatUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
