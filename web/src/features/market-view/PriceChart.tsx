/**
 * The market's step-line probability chart (lightweight-charts, loaded as its own chunk): the YES
 * mid in percent from the live book, at most one series update per book the store applies (the
 * book store applies once per animation frame), bounded (chart-points.ts); our fills as markers at
 * their price; and, when the market maps to a sentiment topic, the agent's score on its own (left)
 * scale with a band whose width grows as confidence and freshness fall.
 */
import { useEffect, useRef } from 'react';
import { LineSeries, LineStyle, LineType, createChart, createSeriesMarkers } from 'lightweight-charts';
import type { IChartApi, ISeriesApi, ISeriesMarkersPluginApi, Time, UTCTimestamp } from 'lightweight-charts';
import type { AgentTopicSignal, Fill, OrderBook } from '@pt/protocol';
import { appendBounded, pointOf } from './chart-points.js';
import type { ChartPoint } from './chart-points.js';
import { startLive, withHistory } from './history.js';

export interface PriceChartProps {
  readonly ticker: string;
  readonly book: OrderBook | null;
  readonly fills: readonly Fill[];
  readonly signal: AgentTopicSignal | null;
  /** Recent trades as points (history.ts), drawn before the first live point. */
  readonly history?: readonly ChartPoint[];
}

interface ChartParts {
  readonly chart: IChartApi;
  readonly price: ISeriesApi<'Line'>;
  readonly score: ISeriesApi<'Line'>;
  readonly upper: ISeriesApi<'Line'>;
  readonly lower: ISeriesApi<'Line'>;
  readonly markers: ISeriesMarkersPluginApi<Time>;
  readonly points: ChartPoint[];
  readonly scorePoints: ChartPoint[];
  firstLiveTime: number | null;
}

const asTime = (seconds: number): UTCTimestamp => seconds as UTCTimestamp;

function build(host: HTMLDivElement): ChartParts {
  const chart = createChart(host, {
    autoSize: true,
    // The logo injects an inline <style> the agent's CSP (style-src 'self') refuses; the market view
    // credits TradingView in text instead.
    layout: { background: { color: '#161c23' }, textColor: '#9aa7b4', attributionLogo: false },
    grid: { vertLines: { color: '#2a333d' }, horzLines: { color: '#2a333d' } },
    leftPriceScale: { visible: true },
    timeScale: { timeVisible: true, secondsVisible: true },
  });
  const price = chart.addSeries(LineSeries, {
    lineType: LineType.WithSteps,
    color: '#58a6ff',
    lineWidth: 2,
    title: 'YES mid %',
  });
  const band = {
    priceScaleId: 'left',
    color: '#d2992266',
    lineStyle: LineStyle.Dotted,
    lineWidth: 1,
  } as const;
  const score = chart.addSeries(LineSeries, {
    priceScaleId: 'left',
    color: '#d29922',
    lineWidth: 1,
    title: 'sentiment',
  });
  const upper = chart.addSeries(LineSeries, band);
  const lower = chart.addSeries(LineSeries, band);
  const markers = createSeriesMarkers(price, []);
  return { chart, price, score, upper, lower, markers, points: [], scorePoints: [], firstLiveTime: null };
}

function applyStep(series: ISeriesApi<'Line'>, step: ReturnType<typeof appendBounded>): void {
  if (step.kind === 'update') series.update({ time: asTime(step.point.time), value: step.point.value });
  if (step.kind === 'reset')
    series.setData(step.points.map((p) => ({ time: asTime(p.time), value: p.value })));
}

export default function PriceChart({ ticker, book, fills, signal, history = [] }: PriceChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const parts = useRef<ChartParts | null>(null);

  useEffect(() => {
    if (host.current === null) return undefined;
    parts.current = build(host.current);
    return () => {
      parts.current?.chart.remove();
      parts.current = null;
    };
  }, [ticker]);

  useEffect(() => {
    const current = parts.current;
    const point = book === null || book.ticker !== ticker ? null : pointOf(book);
    if (current === null || point === null) return;
    if (current.firstLiveTime === null) {
      current.firstLiveTime = point.time;
      applyStep(current.price, startLive(current.points, point.time));
    }
    applyStep(current.price, appendBounded(current.points, point));
    if (host.current !== null) {
      host.current.dataset['points'] = String(current.points.length);
      host.current.dataset['last'] = String(point.value);
    }
  }, [book, ticker]);

  useEffect(() => {
    const current = parts.current;
    if (current === null || history.length === 0) return;
    applyStep(current.price, withHistory(current.points, history, current.firstLiveTime));
    if (host.current !== null) host.current.dataset['history'] = String(history.length);
  }, [history, ticker]);

  useEffect(() => {
    parts.current?.markers.setMarkers(
      [...fills]
        .filter((f) => f.ticker === ticker)
        .sort((a, b) => a.executedAtMs - b.executedAtMs)
        .map((f) => ({
          time: asTime(Math.floor(f.executedAtMs / 1_000)),
          position: 'atPriceMiddle' as const,
          price: f.priceE4 / 100,
          shape: f.side === 'bid' ? ('arrowUp' as const) : ('arrowDown' as const),
          color: f.side === 'bid' ? '#3fb950' : '#f85149',
          text: `fill ${f.side === 'bid' ? 'buy' : 'sell'}`,
        })),
    );
  }, [fills, ticker]);

  useEffect(() => {
    const current = parts.current;
    if (current === null || signal === null) return;
    const time = Math.floor((signal.generatedAtMs + signal.ageMs) / 1_000);
    const freshness = signal.ttlMs > 0 ? Math.max(0, 1 - signal.ageMs / signal.ttlMs) : 0;
    const width = 1 - signal.confidence * freshness;
    const step = appendBounded(current.scorePoints, { time, value: signal.score });
    if (step.kind === 'none') return;
    applyStep(current.score, step);
    current.upper.update({ time: asTime(time), value: Math.min(1, signal.score + width) });
    current.lower.update({ time: asTime(time), value: Math.max(-1, signal.score - width) });
  }, [signal]);

  return (
    <div
      ref={host}
      className="chart"
      data-testid="price-chart"
      role="img"
      aria-label={`Step chart of the YES probability of ${ticker}`}
    />
  );
}
