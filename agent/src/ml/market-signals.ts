/**
 * The strategy host's side of the signal model: one SignalFeatureWindow per market (the pure
 * training feature code from @pt/models/signal), fed with top-of-book updates in PriceE4, and a
 * prediction per market on demand, shaped for a decision record (`id` = name@version). Books only:
 * the model saw book series and trade-print series separately, never mixed in one window.
 */
import { SignalFeatureWindow, quoteFromBook } from '@pt/models/signal';
import type { SignalModel, SignalPrediction } from './signal-model.js';

export type MarketSignal =
  | (Extract<SignalPrediction, { kind: 'predicted' }> & { readonly id: string })
  | (Extract<SignalPrediction, { kind: 'gate-closed' }> & { readonly id: string })
  | { readonly kind: 'no-data'; readonly id: string; readonly reason: string };

export class MarketSignals {
  private readonly windows = new Map<string, SignalFeatureWindow>();

  constructor(private readonly model: SignalModel) {}

  /** `name@version`, what a decision record stores as the model id. */
  get modelId(): string {
    return `${this.model.identity.name}@${this.model.identity.version}`;
  }

  /** A top-of-book change; unquotable books (no bid / no ask) and repeats are ignored. */
  onBook(ticker: string, tMs: number, yesBidE4: number, yesAskE4: number): void {
    const quote = quoteFromBook(tMs, yesBidE4, yesAskE4);
    if (quote === null) return;
    let window = this.windows.get(ticker);
    if (!window) {
      window = new SignalFeatureWindow();
      this.windows.set(ticker, window);
    }
    window.push(quote);
  }

  /** Forget a market (unsubscribed or settled). */
  drop(ticker: string): void {
    this.windows.delete(ticker);
  }

  async predict(ticker: string): Promise<MarketSignal> {
    const vector = this.windows.get(ticker)?.features() ?? null;
    if (vector === null)
      return { kind: 'no-data', id: this.modelId, reason: `no quotable book seen for ${ticker}` };
    return { ...(await this.model.predict(vector)), id: this.modelId };
  }
}
