import { describe, expect, it } from 'vitest';
import { buildReport } from './report.js';
import { escapeHtml, renderReportHtml } from './html.js';
import { runBacktest } from './run-backtest.js';
import { T0, handOptions } from './test-series.js';

function handReport() {
  const options = handOptions();
  return buildReport(runBacktest(options), {
    strategyId: 'volatility-rider',
    dataSet: 'hand',
    seed: options.seed,
    createdAtMs: T0,
    startingCashE6: options.startingCashE6,
    config: options.config,
  });
}

describe('backtest HTML report', () => {
  const report = handReport();
  const html = renderReportHtml(report, ['Recorded data has <no> sentiment feed.']);

  it('is self-contained: no scripts, no external resources', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|src=|@import|url\(/i);
  });

  it('draws equity and exposure as inline SVG polylines through every point', () => {
    const polylines = [...html.matchAll(/<polyline[^>]*points="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(polylines).toHaveLength(2);
    for (const points of polylines) expect(points.split(' ')).toHaveLength(report.equity.length);
  });

  it('shows the summary figures and each trade in dollars, cents and contracts', () => {
    expect(html).toContain('<th scope="row">P&amp;L after fees</th><td>$0.15</td>');
    expect(html).toContain('<th scope="row">Max drawdown</th><td>$0.28</td>');
    expect(html).toContain('<th scope="row">Hit rate</th><td>100.00%</td>');
    expect(html).toContain('<th scope="row">Risk denied</th><td>PRE_CLOSE_BLACKOUT: 1</td>');
    expect(html).toContain(
      '<td>buy YES</td><td>55¢</td><td>10</td><td>$0.18</td><td>no</td><td>volatility breakout up</td>',
    );
    expect(html).toContain(
      '<td>sell YES</td><td>60¢</td><td>10</td><td>$0.17</td><td>yes</td><td>exit (take profit)</td>',
    );
  });

  it('escapes every text it shows', () => {
    expect(html).toContain('<li>Recorded data has &lt;no&gt; sentiment feed.</li>');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
