/**
 * A backtest's equity curve (right scale, dollars) with its exposure under it (left scale), drawn
 * with lightweight-charts. Loaded as its own chunk (React.lazy) so the charting library stays out
 * of the initial JS. The whole report is static: one setData per report.
 */
import { useEffect, useRef } from 'react';
import { AreaSeries, LineSeries, createChart } from 'lightweight-charts';
import type { UTCTimestamp } from 'lightweight-charts';
import type { EquityPoint } from '@pt/protocol';
import { equitySeries, type SeriesPoint } from './equity-series.js';

export interface EquityChartProps {
  readonly equity: readonly EquityPoint[];
  /** What the chart shows, in words (screen readers: the chart itself is a canvas). */
  readonly label: string;
}

const chartData = (points: readonly SeriesPoint[]) =>
  points.map((p) => ({ time: p.time as UTCTimestamp, value: p.value }));

export default function EquityChart({ equity, label }: EquityChartProps) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = host.current;
    if (element === null) return undefined;
    const chart = createChart(element, {
      autoSize: true,
      // The logo injects an inline <style> the agent's CSP refuses; the panel credits TradingView.
      layout: { background: { color: '#161c23' }, textColor: '#9aa7b4', attributionLogo: false },
      grid: { vertLines: { color: '#2a333d' }, horzLines: { color: '#2a333d' } },
      leftPriceScale: { visible: true },
      timeScale: { timeVisible: true },
    });
    const exposure = chart.addSeries(AreaSeries, {
      priceScaleId: 'left',
      lineColor: '#d2992299',
      topColor: '#d2992244',
      bottomColor: '#d2992208',
      lineWidth: 1,
      title: 'exposure $',
    });
    const line = chart.addSeries(LineSeries, { color: '#58a6ff', lineWidth: 2, title: 'equity $' });
    const series = equitySeries(equity);
    exposure.setData(chartData(series.exposure));
    line.setData(chartData(series.equity));
    chart.timeScale().fitContent();
    element.dataset['points'] = String(series.equity.length);
    element.dataset['lastEquity'] = String(series.equity.at(-1)?.value ?? '');
    return () => chart.remove();
  }, [equity]);

  return <div ref={host} className="chart" data-testid="equity-chart" role="img" aria-label={label} />;
}
