/**
 * Config fields every strategy shares (zod, with documented defaults): barriers, sizing by a risk
 * budget, and the entry gates (pre-close window, stale book, wide spread, the wait for a fill).
 */
import { z } from 'zod';
import { MarketTicker } from '@pt/protocol';

const ms = (max: number) => z.int().min(0).max(max);
const DAY_MS = 86_400_000;

export const CommonStrategyFields = {
  /** Take profit: exit once the exit price is this far in our favour ($0.05). */
  takeProfitE4: z.int().min(1).max(9_999).default(500),
  /** Stop loss: exit once the exit price is this far against us ($0.03); also the sizing unit. */
  stopLossE4: z.int().min(1).max(9_999).default(300),
  /** Time limit: exit whatever the price after holding this long (30 min). */
  maxHoldMs: ms(DAY_MS).default(30 * 60_000),
  /** Most a stopped-out entry may lose, in MoneyE6 ($3.00). Sets the entry size. */
  riskBudgetE6: z.int().min(0).max(1_000_000_000).default(3_000_000),
  /** Cap on an entry's size in contracts ×100 (10 contracts). */
  maxCountE2: z.int().min(100).max(10_000_000).default(1_000),
  /** No entries this close to the market's close (30 min). */
  preCloseWindowMs: ms(7 * DAY_MS).default(30 * 60_000),
  /** No entries on a book whose data is older than this (5 min). */
  maxBookAgeMs: ms(DAY_MS).default(5 * 60_000),
  /** No entries when ask − bid is wider than this ($0.10). */
  maxSpreadE4: z.int().min(1).max(9_999).default(1_000),
  /** After an intent, nothing more is sent until a fill answers or this passes (10 s). */
  fillWaitMs: ms(600_000).default(10_000),
  /** No new entry this soon after the position went flat (1 min). */
  cooldownMs: ms(DAY_MS).default(60_000),
};

export interface CommonStrategyConfig {
  takeProfitE4: number;
  stopLossE4: number;
  maxHoldMs: number;
  riskBudgetE6: number;
  maxCountE2: number;
  preCloseWindowMs: number;
  maxBookAgeMs: number;
  maxSpreadE4: number;
  fillWaitMs: number;
  cooldownMs: number;
}

/** Market tickers as the wire takes them (protocol MarketTicker). */
export const MarketTickerField = MarketTicker;
