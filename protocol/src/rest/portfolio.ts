/**
 * The portfolio: positions with P&L, totals, today's P&L (the trader's calendar day), fills,
 * settlements and the balance history. Money is MoneyE6, counts CountE2, prices PriceE4 (YES leg).
 */
import { z } from 'zod';
import { Fill } from '../domain/fill.js';
import { Position } from '../domain/position.js';
import { EventTicker, MarketTicker } from '../ids.js';
import { MoneyE6Schema, PriceE4Schema, SignedCountE2Schema, CountE2Schema } from '../money-schemas.js';
import { TimestampMs } from '../timestamp.js';

export const PORTFOLIO_PATH = '/v1/portfolio';
export const PORTFOLIO_FILLS_PATH = '/v1/portfolio/fills';
export const PORTFOLIO_SETTLEMENTS_PATH = '/v1/portfolio/settlements';
export const PORTFOLIO_BALANCE_HISTORY_PATH = '/v1/portfolio/balance-history';
export const MAX_PORTFOLIO_PAGE = 500;

const QueryInt = z
  .string()
  .regex(/^\d{1,15}$/, 'expected a non-negative integer')
  .transform(Number);
const Cursor = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected a cursor from a previous page');
const Limit = QueryInt.pipe(z.int().min(1).max(MAX_PORTFOLIO_PAGE));

/** One market's position with how it is marked. */
export const PortfolioPosition = z.strictObject({
  position: Position,
  /** Average cost per contract on the held leg (YES for a long, NO for a short); null when flat. */
  averageCostPriceE4: PriceE4Schema.nullable(),
  /** The exit price the mark used (best YES bid for YES, best NO bid for NO); null when unquotable. */
  markPriceE4: PriceE4Schema.nullable(),
  /** What selling the contracts at the mark would return; null when unquotable. */
  marketValueMoneyE6: MoneyE6Schema.nullable(),
  /** The market is disputed: the position stays open and is never settled automatically. */
  isDisputed: z.boolean(),
});
export type PortfolioPosition = z.infer<typeof PortfolioPosition>;

export const PortfolioTotals = z.strictObject({
  /** Realized P&L net of fees, every position and settlement in this environment's ledger. */
  realizedPnlMoneyE6: MoneyE6Schema,
  /** Sum over marked positions (unquotable ones are left out; see `flags`). */
  unrealizedPnlMoneyE6: MoneyE6Schema,
  feesPaidMoneyE6: MoneyE6Schema,
  /** Cost basis of the open contracts. */
  exposureMoneyE6: MoneyE6Schema,
});
export type PortfolioTotals = z.infer<typeof PortfolioTotals>;

/** Today's P&L on the calendar day of `timeZone` (the daily loss limit reads the same figures). */
export const TodayPnl = z.strictObject({
  /** `YYYY-MM-DD` in `timeZone`. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
  timeZone: z.string().min(1).max(64),
  /** Fills and settlements of today, net of fees. */
  realizedPnlMoneyE6: MoneyE6Schema,
  /** Open positions marked to the book (last good mark while a book is unquotable). */
  markedPnlMoneyE6: MoneyE6Schema,
  totalPnlMoneyE6: MoneyE6Schema,
});
export type TodayPnl = z.infer<typeof TodayPnl>;

export const EquityState = z.strictObject({
  /** Cash + resting-order holds + open positions at their mark; null before the first balance read. */
  equityMoneyE6: MoneyE6Schema.nullable(),
  /** Highest equity seen (persisted in the ledger). */
  peakMoneyE6: MoneyE6Schema.nullable(),
  /** Peak − equity, ≥ 0. */
  drawdownMoneyE6: MoneyE6Schema.nullable(),
});
export type EquityState = z.infer<typeof EquityState>;

export const PortfolioFlags = z.strictObject({
  /** Open positions whose book is not quotable now (marked at their last good mark, or cost). */
  unmarkedTickers: z.array(MarketTicker),
  disputedTickers: z.array(MarketTicker),
  /** False while no venue answers (positions are then what the ledger last knew). */
  isVenueConnected: z.boolean(),
});
export type PortfolioFlags = z.infer<typeof PortfolioFlags>;

/** `GET /v1/portfolio`. */
export const PortfolioResponse = z.strictObject({
  positions: z.array(PortfolioPosition),
  totals: PortfolioTotals,
  today: TodayPnl,
  availableMoneyE6: MoneyE6Schema.nullable(),
  equity: EquityState,
  flags: PortfolioFlags,
  asOfMs: TimestampMs,
});
export type PortfolioResponse = z.infer<typeof PortfolioResponse>;

/** `GET /v1/portfolio/fills?ticker=&cursor=&limit=`: newest first. */
export const PortfolioFillsQuery = z.strictObject({
  ticker: MarketTicker.optional(),
  cursor: Cursor.optional(),
  limit: Limit.optional(),
});
export type PortfolioFillsQuery = z.infer<typeof PortfolioFillsQuery>;

export const PortfolioFillsPage = z.strictObject({
  fills: z.array(Fill),
  /** Null on the last page. */
  nextCursor: z.string().nullable(),
});
export type PortfolioFillsPage = z.infer<typeof PortfolioFillsPage>;

export const MarketResult = z.enum(['yes', 'no', 'scalar']);

/** A market the venue settled, as applied to our position. */
export const SettlementRecord = z.strictObject({
  ticker: MarketTicker,
  eventTicker: EventTicker,
  marketResult: MarketResult,
  yesCountE2: CountE2Schema,
  noCountE2: CountE2Schema,
  /** What the venue paid out. */
  revenueMoneyE6: MoneyE6Schema,
  /** The cost basis the payout closed (our ledger's). */
  costMoneyE6: MoneyE6Schema,
  /** revenue − cost (fees were counted on the fills). */
  realizedPnlMoneyE6: MoneyE6Schema,
  /** The venue's fees in that market (informational). */
  feeMoneyE6: MoneyE6Schema,
  /** Our position just before the settlement (signed). */
  positionCountE2: SignedCountE2Schema,
  settledAtMs: TimestampMs,
});
export type SettlementRecord = z.infer<typeof SettlementRecord>;

/** `GET /v1/portfolio/settlements?cursor=&limit=`: newest first. */
export const PortfolioSettlementsQuery = z.strictObject({
  cursor: Cursor.optional(),
  limit: Limit.optional(),
});
export type PortfolioSettlementsQuery = z.infer<typeof PortfolioSettlementsQuery>;

export const PortfolioSettlementsPage = z.strictObject({
  settlements: z.array(SettlementRecord),
  nextCursor: z.string().nullable(),
});
export type PortfolioSettlementsPage = z.infer<typeof PortfolioSettlementsPage>;

export const BalanceSnapshotReason = z.enum(['periodic', 'change']);

export const BalanceSnapshot = z.strictObject({
  availableMoneyE6: MoneyE6Schema,
  portfolioValueMoneyE6: MoneyE6Schema,
  /** Equity at the time (cash + holds + marked positions); null if positions could not be marked. */
  equityMoneyE6: MoneyE6Schema.nullable(),
  reason: BalanceSnapshotReason,
  atMs: TimestampMs,
});
export type BalanceSnapshot = z.infer<typeof BalanceSnapshot>;

/** `GET /v1/portfolio/balance-history?sinceMs=&untilMs=&cursor=&limit=`: newest first. */
export const BalanceHistoryQuery = z.strictObject({
  sinceMs: QueryInt.optional(),
  untilMs: QueryInt.optional(),
  cursor: Cursor.optional(),
  limit: Limit.optional(),
});
export type BalanceHistoryQuery = z.infer<typeof BalanceHistoryQuery>;

export const BalanceHistoryPage = z.strictObject({
  snapshots: z.array(BalanceSnapshot),
  nextCursor: z.string().nullable(),
});
export type BalanceHistoryPage = z.infer<typeof BalanceHistoryPage>;
