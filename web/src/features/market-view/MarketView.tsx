/**
 * The market the trader opened from the markets list: its step-line probability chart (a lazily
 * loaded chunk: the charting library stays out of the initial JS), the live book ladder beside it,
 * and the sentiment line of its topic (or why there is none). The ticket is pointed at the same
 * market when it is opened.
 */
import { Suspense, lazy, useEffect } from 'react';
import { BookLadder } from '../book/BookLadder.js';
import { useFollowedBook } from '../book/use-followed-book.js';
import { useHealthStore } from '../health/health.store.js';
import { useMarketsStore } from '../markets/markets.store.js';
import { PopOutButton } from '../popout/PopOutButton.js';
import { RecentTrades } from '../trades/RecentTrades.js';
import { useChartHistory } from './history.js';
import { useMarketViewStore } from './market-view.store.js';
import type { SentimentView } from './market-view.store.js';
import { sentimentConfig, type SentimentConfig } from './sentiment-config.js';
import { topicOfMarket } from './topic-map.js';

const PriceChart = lazy(() => import('./PriceChart.js'));

const SENTIMENT_POLL_MS = 15_000;

function sentimentLine(topic: string | null, config: SentimentConfig, sentiment: SentimentView): string {
  if (topic === null) return 'Sentiment: no topic informs this market';
  if (config.kind === 'not_configured')
    return `Sentiment (${topic}): not configured on the agent (${config.detail})`;
  if (sentiment.kind === 'none') return `Sentiment (${topic}): loading…`;
  if (sentiment.kind === 'unavailable') return `Sentiment (${topic}): unavailable — ${sentiment.message}`;
  const signal = sentiment.view.topics.find((t) => t.topic === topic);
  if (signal === undefined) return `Sentiment (${topic}): the agent has no data for this topic`;
  const age = Math.round(signal.ageMs / 1_000);
  const state = signal.isStale ? 'STALE (neutral)' : `effective ${signal.effective.toFixed(2)}`;
  return `Sentiment (${topic}): score ${signal.score.toFixed(2)}, confidence ${signal.confidence.toFixed(2)}, ${age} s old, ${state}`;
}

export function MarketView() {
  const selected = useMarketsStore((s) => s.selection?.ticker ?? '');
  const entry = useMarketsStore((s) => s.markets.find((m) => m.ticker === selected));
  const { ticker, book } = useFollowedBook(selected);
  const { fills, sentiment, show, reloadSentiment } = useMarketViewStore();
  const topic = ticker === null ? null : topicOfMarket(ticker);
  const sentimentHealth = useHealthStore((s) => s.health?.components.sentiment ?? null);
  const config = sentimentConfig(sentimentHealth);
  const history = useChartHistory(ticker);
  useEffect(() => show(ticker), [ticker, show]);
  useEffect(() => {
    // Asked only of an agent whose health says vibe is configured: no request bound to fail.
    if (topic === null || config.kind !== 'configured') return undefined;
    void reloadSentiment();
    const timer = setInterval(() => {
      const current = useMarketViewStore.getState().sentiment;
      if (current.kind !== 'unavailable' || current.isConfigured) void reloadSentiment();
    }, SENTIMENT_POLL_MS);
    return () => clearInterval(timer);
  }, [topic, config.kind, reloadSentiment]);

  if (ticker === null) {
    return (
      <section className="area-market" aria-labelledby="market-title">
        <h2 id="market-title">Market</h2>
        <p className="muted">Open a market from the list to see its chart and book.</p>
      </section>
    );
  }
  const signal =
    sentiment.kind === 'ready' && topic !== null
      ? (sentiment.view.topics.find((t) => t.topic === topic) ?? null)
      : null;
  return (
    <section className="area-market" aria-labelledby="market-title" data-testid="market-view">
      <PopOutButton panel="book" label="Order book" ticker={ticker} />
      <PopOutButton panel="market" label="Market" ticker={ticker} />
      <h2 id="market-title">
        Market {ticker}
        {entry !== undefined && (
          <span className="muted">
            {' '}
            · {entry.title} · {entry.yesSubtitle}
          </span>
        )}
      </h2>
      <p className="muted" data-testid="market-sentiment">
        {sentimentLine(topic, config, sentiment)}
      </p>
      <div className="market-view">
        <Suspense fallback={<div className="chart">Loading chart…</div>}>
          <PriceChart ticker={ticker} book={book} fills={fills} signal={signal} history={history} />
        </Suspense>
        {book === null ? (
          <p className="muted">Waiting for the book…</p>
        ) : (
          <BookLadder book={book} testId="market-ladder" />
        )}
      </div>
      <RecentTrades ticker={ticker} />
      <p className="muted small">
        Charts by{' '}
        <a href="https://www.tradingview.com/" rel="noreferrer" target="_blank">
          TradingView
        </a>
      </p>
    </section>
  );
}
