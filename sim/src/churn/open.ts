import type { MarketMaker } from '../replay/market-maker.js';
import type { ReplaySource } from '../replay/sources/source.js';
import type { ChurnPlayer } from './churn-player.js';

/**
 * Opening books in churn mode: markets with a recorded quote path get the churn ladder, the rest
 * (recorded quote that never moves) the replay maker's ladder, as in a normal replay.
 */
export function openChurnBooks(
  sources: readonly ReplaySource[],
  maker: MarketMaker,
  churn: ChurnPlayer,
): void {
  const churned = churn.tickers;
  for (const source of sources) {
    for (const [ticker, quote] of source.openingQuotes) {
      if (!churned.has(ticker)) maker.quote(ticker, quote, source.depthScaleContracts);
    }
  }
  churn.open();
}
