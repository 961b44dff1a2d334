import type { ReplaySource } from '../replay/sources/source.js';
import { clampQuote, type Quote } from '../replay/timeline.js';

/** One market's recorded quote path (consecutive duplicates removed), in recorded order. */
export interface QuotePath {
  ticker: string;
  depthScaleContracts: number;
  quotes: Quote[];
}

const sameQuote = (a: Quote | undefined, b: Quote): boolean =>
  a !== undefined && a.yesBidCents === b.yesBidCents && a.yesAskCents === b.yesAskCents;

/**
 * The recorded quote path of every market that has one: recorded quotes as they are (pulled
 * two-sided), recorded prints as the 1¢-wide quote around the print price (what the replay's
 * maker quotes after re-enacting a trade). Markets whose recording never moves the quote (the
 * Fed-mention catalogue) have no path and are left out.
 */
export function quotePaths(sources: readonly ReplaySource[]): QuotePath[] {
  const paths: QuotePath[] = [];
  for (const source of sources) {
    const byTicker = new Map<string, Quote[]>();
    for (const [ticker, quote] of source.openingQuotes) byTicker.set(ticker, [quote]);
    for (const item of source.timeline) {
      const quote =
        item.kind === 'quote'
          ? clampQuote(item.quote.yesBidCents, item.quote.yesAskCents)
          : clampQuote(item.yesPriceCents - 1, item.yesPriceCents + 1);
      const quotes = byTicker.get(item.ticker) ?? [];
      if (!sameQuote(quotes.at(-1), quote)) quotes.push(quote);
      byTicker.set(item.ticker, quotes);
    }
    for (const [ticker, quotes] of [...byTicker].sort(([a], [b]) => a.localeCompare(b))) {
      if (quotes.length >= 2) paths.push({ ticker, depthScaleContracts: source.depthScaleContracts, quotes });
    }
  }
  return paths;
}
