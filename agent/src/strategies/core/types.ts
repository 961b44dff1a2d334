/**
 * The pure strategy contract: events in (book top, trades, clock ticks, sentiment readings, our own
 * fills), decisions out (an order intent, or a "not traded" record with its blocking reason). No
 * I/O, no wall clock, no randomness: the same events give the same decisions.
 */
import type { NotTradedReason, OrderSide, TimeInForce } from '@pt/protocol';

/** Top of one market's book as the host saw it (YES leg, 1/10,000 $). */
export interface BookTopEvent {
  readonly type: 'book';
  readonly atMs: number;
  readonly ticker: string;
  readonly bestBidE4: number | null;
  readonly bestAskE4: number | null;
  /** False after a gap or when the connector has no quotable book. */
  readonly isQuotable: boolean;
  /** When the book's data was last updated by the venue. */
  readonly asOfMs: number;
}

export interface TradeEvent {
  readonly type: 'trade';
  readonly atMs: number;
  readonly ticker: string;
  readonly priceE4: number;
  readonly countE2: number;
  readonly takerSide: 'yes' | 'no';
}

export interface ClockEvent {
  readonly type: 'clock';
  readonly atMs: number;
}

/** A decayed sentiment signal for a topic (agent/src/sentiment), or null when none is known. */
export interface SentimentReading {
  readonly effective: number;
  readonly confidence: number;
  readonly ageMs: number;
  readonly isStale: boolean;
}

export interface SentimentEvent {
  readonly type: 'sentiment';
  readonly atMs: number;
  readonly topic: string;
  readonly reading: SentimentReading | null;
  readonly isKillSwitchEngaged: boolean;
}

/** One of our fills on the strategy's market (`bid` bought YES, `ask` sold YES). */
export interface OwnFillEvent {
  readonly type: 'fill';
  readonly atMs: number;
  readonly ticker: string;
  readonly side: OrderSide;
  readonly priceE4: number;
  readonly countE2: number;
}

export type StrategyEvent = BookTopEvent | TradeEvent | ClockEvent | SentimentEvent | OwnFillEvent;

/** What the host knows about the market beside the events. */
export interface StrategyContext {
  /** The market's close time, null when unknown (entries are then refused). */
  readonly closeTimeMs: number | null;
  /**
   * Optional model output (agent/src/ml's signal model): probability that the YES mid goes up, and
   * that it goes down when the model says (the two need not be complements; absent: 1 − up).
   */
  readonly model?:
    | { readonly id: string; readonly probabilityUp: number; readonly probabilityDown?: number | undefined }
    | undefined;
}

/** Numbers a reader needs to check a decision later (no money floats: E4 prices, E2 counts). */
export type InputsSummary = Readonly<Record<string, number | string | boolean | null>>;

export interface IntentDecision {
  readonly kind: 'intent';
  readonly ticker: string;
  readonly side: OrderSide;
  readonly priceE4: number;
  readonly countE2: number;
  readonly timeInForce: TimeInForce;
  readonly isReduceOnly: boolean;
  /** One sentence: why (breakout up, take profit, fade, …). */
  readonly reason: string;
  readonly inputs: InputsSummary;
}

export interface NotTradedDecision {
  readonly kind: 'not_traded';
  readonly ticker: string;
  readonly reason: NotTradedReason;
  readonly detail: string;
  readonly inputs: InputsSummary;
}

export type Decision = IntentDecision | NotTradedDecision;

export interface StepResult<State> {
  readonly state: State;
  readonly decisions: readonly Decision[];
}

/** A strategy runs one market: `init` once, then `onEvent` for every event in time order. */
export interface Strategy<Config, State> {
  readonly id: string;
  init(config: Config, ticker: string): State;
  onEvent(state: State, event: StrategyEvent, ctx: StrategyContext, config: Config): StepResult<State>;
}
