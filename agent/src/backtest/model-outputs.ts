/**
 * The optional model gate's input (`--model`): the signal model's prediction for every replayed
 * book event, computed in one pass before the backtest, in time order, each from the market's book
 * tops up to and including that event only (the live host's MarketSignals window) — so a prediction
 * never sees later data. Like the host, a market's model runs at most every 250 ms of data time;
 * in between the previous prediction stands. No prediction (window not warm, gate closed) = NaN.
 */
import type { MarketSignals } from '../ml/market-signals.js';
import type { ReplayData } from './replay-data.js';

/** The live host's pacing: at most one model run per market per 250 ms. */
export const MODEL_EVERY_MS = 250;

export interface ModelOutputs {
  /** `name@version`, recorded with the report. */
  readonly id: string;
  /** Per replay item (index into `data.items`); NaN where there is no prediction. */
  readonly up: Float64Array;
  readonly down: Float64Array;
  /** Model runs made (the rest reused the market's last prediction). */
  readonly runs: number;
}

export async function predictAlong(
  data: ReplayData,
  signals: MarketSignals,
  onProgress?: (done: number, total: number) => void,
): Promise<ModelOutputs> {
  const total = data.items.length;
  const up = new Float64Array(total).fill(Number.NaN);
  const down = new Float64Array(total).fill(Number.NaN);
  const lastRunMs = new Map<number, number>();
  const lastUp = new Map<number, number>();
  const lastDown = new Map<number, number>();
  let runs = 0;
  for (let i = 0; i < total; i += 1) {
    if (onProgress !== undefined && i % 8_192 === 0) onProgress(i, total);
    const item = data.items[i];
    if (item === undefined || item.event.type !== 'book') continue;
    const { event, market } = item;
    if (event.isQuotable && event.bestBidE4 !== null && event.bestAskE4 !== null) {
      signals.onBook(event.ticker, event.atMs, event.bestBidE4, event.bestAskE4);
    }
    const ranAt = lastRunMs.get(market);
    if (ranAt === undefined || event.atMs - ranAt >= MODEL_EVERY_MS) {
      lastRunMs.set(market, event.atMs);
      runs += 1;
      const signal = await signals.predict(event.ticker);
      lastUp.set(market, signal.kind === 'predicted' ? signal.probabilityUp : Number.NaN);
      lastDown.set(market, signal.kind === 'predicted' ? signal.probabilityDown : Number.NaN);
    }
    up[i] = lastUp.get(market) ?? Number.NaN;
    down[i] = lastDown.get(market) ?? Number.NaN;
  }
  onProgress?.(total, total);
  return { id: signals.modelId, up, down, runs };
}
