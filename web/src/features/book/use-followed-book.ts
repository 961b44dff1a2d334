/** Follows one market's book while a component shows it (debounced, so typing is not subscribing). */
import { useEffect } from 'react';
import { MarketTicker } from '@pt/protocol';
import type { OrderBook } from '@pt/protocol';
import { followMarkets } from '../../app/services.js';
import { useBookStore } from './book.store.js';

const FOLLOW_DELAY_MS = 300;

export function useFollowedBook(text: string): { ticker: string | null; book: OrderBook | null } {
  const parsed = MarketTicker.safeParse(text.trim().toUpperCase());
  const ticker = parsed.success ? parsed.data : null;
  useEffect(() => {
    if (ticker === null) return undefined;
    const timer = setTimeout(() => followMarkets([ticker]), FOLLOW_DELAY_MS);
    return () => {
      clearTimeout(timer);
      followMarkets([]);
    };
  }, [ticker]);
  const book = useBookStore((s) => (ticker === null ? null : (s.books[ticker] ?? null)));
  return { ticker, book };
}
