/**
 * Follows one market's book while a component shows it (debounced, so typing is not subscribing).
 * Several components of one tab may follow books at once (the ticket, the market view): the tab
 * hands the stream the union of what its components follow, counted per component.
 */
import { useEffect } from 'react';
import { MarketTicker } from '@pt/protocol';
import type { OrderBook } from '@pt/protocol';
import { followMarkets } from '../../app/services.js';
import { useBookStore } from './book.store.js';

const FOLLOW_DELAY_MS = 300;
const followers = new Map<string, number>();

function retain(ticker: string): void {
  followers.set(ticker, (followers.get(ticker) ?? 0) + 1);
  followMarkets([...followers.keys()]);
}

function release(ticker: string): void {
  const left = (followers.get(ticker) ?? 1) - 1;
  if (left > 0) followers.set(ticker, left);
  else followers.delete(ticker);
  followMarkets([...followers.keys()]);
}

export function useFollowedBook(text: string): { ticker: string | null; book: OrderBook | null } {
  const parsed = MarketTicker.safeParse(text.trim().toUpperCase());
  const ticker = parsed.success ? parsed.data : null;
  useEffect(() => {
    if (ticker === null) return undefined;
    let isRetained = false;
    const timer = setTimeout(() => {
      isRetained = true;
      retain(ticker);
    }, FOLLOW_DELAY_MS);
    return () => {
      clearTimeout(timer);
      if (isRetained) release(ticker);
    };
  }, [ticker]);
  const book = useBookStore((s) => (ticker === null ? null : (s.books[ticker] ?? null)));
  return { ticker, book };
}
