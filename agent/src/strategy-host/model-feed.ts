/**
 * The signal model for the strategies' model gate. Loads the agent's models (ModelRegistry:
 * verified against models/manifest.json, stale past an age) once at start, feeds MarketSignals
 * from the venue's quotable books, and keeps each market's latest prediction so the strategy
 * host's synchronous `model(strategyId, ticker)` can read it. One prediction in flight per market;
 * a prediction older than `maxPredictionAgeMs` is not used — the gate stays closed rather than act
 * on an old reading. A refused or missing model leaves every gate closed; health says why.
 */
import { topOfBook, type OrderBook } from '@pt/protocol';
import type { Logger } from 'pino';
import { AGENT_MODELS, MarketSignals, ModelRegistry, SignalModel, type ModelsHealth } from '../ml/index.js';

export interface ModelBookSource {
  onEvent(listener: (event: { type: string; marketTicker?: string }) => void): () => void;
  quotableBook(ticker: string): OrderBook | null;
}

export interface ModelFeedOptions {
  logger: Logger;
  /** Models trained longer ago than this close their gate (default: the loader's 30 days). */
  maxModelAgeMs?: number;
  /** A prediction older than this is not handed to a strategy (default 5 s). */
  maxPredictionAgeMs?: number;
  /** At most one model run per market this often (default 250 ms); features follow every change. */
  predictEveryMs?: number;
  nowMs?: () => number;
  /** The registry to use instead of loading AGENT_MODELS (tests). */
  registry?: Promise<ModelRegistry>;
}

export interface ModelReading {
  id: string;
  probabilityUp: number;
  probabilityDown: number;
}

export class ModelFeed {
  private registry: ModelRegistry | null = null;
  private signals: MarketSignals | null = null;
  private readonly latest = new Map<string, ModelReading & { atMs: number }>();
  private readonly inFlight = new Set<string>();
  private readonly predictedAtMs = new Map<string, number>();
  private detach: (() => void) | undefined;
  private source: ModelBookSource | undefined;
  private isClosed = false;
  private readonly nowMs: () => number;
  readonly ready: Promise<void>;

  constructor(private readonly options: ModelFeedOptions) {
    this.nowMs = options.nowMs ?? Date.now;
    const loading =
      options.registry ??
      ModelRegistry.load({
        models: AGENT_MODELS,
        ...(options.maxModelAgeMs === undefined ? {} : { maxAgeMs: options.maxModelAgeMs }),
      });
    this.ready = loading.then(
      (registry) => {
        if (this.isClosed) return void registry.close();
        this.registry = registry;
        const model = SignalModel.fromRegistry(registry);
        this.signals = model === null ? null : new MarketSignals(model);
        options.logger.info({ models: registry.health().detail }, 'models loaded');
      },
      (err: unknown) => options.logger.error({ err }, 'models could not be loaded; model gates stay closed'),
    );
  }

  /** Follows a newly started venue's books. */
  attach(source: ModelBookSource): void {
    this.detach?.();
    this.source = source;
    this.latest.clear();
    this.predictedAtMs.clear();
    this.detach = source.onEvent((event) => {
      if (event.type === 'book_changed' && event.marketTicker !== undefined) this.onBook(event.marketTicker);
    });
  }

  /** The latest fresh prediction for `ticker`, or undefined (gate closed). */
  model(_strategyId: string, ticker: string): ModelReading | undefined {
    const reading = this.latest.get(ticker);
    if (reading === undefined) return undefined;
    if (this.nowMs() - reading.atMs > (this.options.maxPredictionAgeMs ?? 5_000)) return undefined;
    return { id: reading.id, probabilityUp: reading.probabilityUp, probabilityDown: reading.probabilityDown };
  }

  /** The models' light and one line per model; undefined while loading. */
  health(): ModelsHealth | undefined {
    return this.registry?.health();
  }

  async close(): Promise<void> {
    this.isClosed = true;
    this.detach?.();
    await this.ready;
    await this.registry?.close();
    this.registry = null;
  }

  private onBook(ticker: string): void {
    const signals = this.signals;
    const book = this.source?.quotableBook(ticker) ?? null;
    if (signals === null || book === null) return;
    const top = topOfBook(book);
    if (top.bidPriceE4 === null || top.askPriceE4 === null) return;
    const nowMs = this.nowMs();
    signals.onBook(ticker, nowMs, top.bidPriceE4, top.askPriceE4);
    // Book changes come hundreds a second: the model runs at a bounded rate per market.
    const last = this.predictedAtMs.get(ticker);
    if (
      this.inFlight.has(ticker) ||
      (last !== undefined && nowMs - last < (this.options.predictEveryMs ?? 250))
    )
      return;
    this.predictedAtMs.set(ticker, nowMs);
    this.inFlight.add(ticker);
    void signals
      .predict(ticker)
      .then((signal) => {
        if (signal.kind === 'predicted') this.latest.set(ticker, { ...pick(signal), atMs: this.nowMs() });
        else this.latest.delete(ticker);
      })
      .catch((err: unknown) => this.options.logger.warn({ err, ticker }, 'signal prediction failed'))
      .finally(() => this.inFlight.delete(ticker));
  }
}

function pick(signal: ModelReading): ModelReading {
  return { id: signal.id, probabilityUp: signal.probabilityUp, probabilityDown: signal.probabilityDown };
}
