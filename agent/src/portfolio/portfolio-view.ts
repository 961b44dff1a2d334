/**
 * The portfolio at one instant: folded positions marked against the books, totals, today's P&L on
 * the trader's calendar day, equity and its drawdown. Pure: the service hands in the fold, the
 * books, the last balance and the peak; nothing here reads a clock or the network.
 */
import { calendarDay } from './calendar-day.js';
import { markPosition } from './marks.js';
import type { BookTop, Mark } from './marks.js';
import type { Folded, FoldedPosition } from './portfolio-fold.js';
import { realizedNetE6 } from './position-math.js';

export interface MarkedPosition {
  readonly position: FoldedPosition;
  /** The mark now; null when the book is not quotable. */
  readonly mark: Mark | null;
  /** What today's marked P&L used: the mark now, else the last good one, else none (at cost). */
  readonly unrealizedUsedE6: number;
  readonly isDisputed: boolean;
}

export interface BalanceFigures {
  readonly availableE6: number;
  /** Holds for resting orders + open positions at cost (the venue's `portfolio_value`). */
  readonly portfolioValueE6: number;
}

export interface ViewInputs {
  readonly folded: Folded;
  readonly book: (ticker: string) => BookTop | null;
  /** Last good unrealized per ticker (updated by the caller from `marked`). */
  readonly lastUnrealizedE6: ReadonlyMap<string, number>;
  readonly disputed: ReadonlySet<string>;
  readonly balance: BalanceFigures | null;
  readonly peakE6: number | null;
  readonly nowMs: number;
  readonly timeZone: string;
}

export interface PortfolioView {
  readonly positions: readonly MarkedPosition[];
  readonly realizedNetE6: number;
  readonly unrealizedE6: number;
  readonly feesE6: number;
  readonly exposureE6: number;
  readonly today: { date: string; realizedE6: number; markedE6: number };
  readonly unmarkedTickers: readonly string[];
  readonly equityE6: number | null;
  readonly peakE6: number | null;
  readonly asOfMs: number;
}

export function buildView(inputs: ViewInputs): PortfolioView {
  const today = calendarDay(inputs.nowMs, inputs.timeZone);
  const positions: MarkedPosition[] = [];
  let realized = 0;
  let unrealized = 0;
  let fees = 0;
  let exposure = 0;
  let marked = 0;
  const unmarked: string[] = [];
  for (const position of inputs.folded.positions.values()) {
    realized += realizedNetE6(position);
    fees += position.feesE6;
    const isOpen = position.positionE2 !== 0;
    const isDisputed = inputs.disputed.has(position.ticker);
    if (!isOpen && !isDisputed) {
      positions.push({ position, mark: null, unrealizedUsedE6: 0, isDisputed });
      continue;
    }
    exposure += position.costE6;
    const mark = markPosition(position, inputs.book(position.ticker));
    if (mark !== null) unrealized += mark.unrealizedE6;
    else if (isOpen) unmarked.push(position.ticker);
    const used = mark?.unrealizedE6 ?? inputs.lastUnrealizedE6.get(position.ticker) ?? 0;
    marked += used;
    positions.push({ position, mark, unrealizedUsedE6: used, isDisputed });
  }
  const todayRealized = todayRealizedE6(inputs.folded.realized, inputs.nowMs, inputs.timeZone, today);
  const equityE6 =
    inputs.balance === null ? null : inputs.balance.availableE6 + inputs.balance.portfolioValueE6 + marked;
  return {
    positions: positions.sort((a, b) => a.position.ticker.localeCompare(b.position.ticker)),
    realizedNetE6: realized,
    unrealizedE6: unrealized,
    feesE6: fees,
    exposureE6: exposure,
    today: { date: today, realizedE6: todayRealized, markedE6: marked },
    unmarkedTickers: unmarked.sort(),
    equityE6,
    peakE6: inputs.peakE6 === null ? equityE6 : Math.max(inputs.peakE6, equityE6 ?? inputs.peakE6),
    asOfMs: inputs.nowMs,
  };
}

/** No calendar day lasts longer than this (26 h in a zone change, plus margin). */
const DAY_SPAN_MS = 50 * 3_600_000;

/** Realized entries are in time order: only the last ~2 days can fall on today. */
function todayRealizedE6(
  entries: Folded['realized'],
  nowMs: number,
  timeZone: string,
  today: string,
): number {
  let sum = 0;
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const entry = entries[i];
    if (entry === undefined || entry.atMs < nowMs - DAY_SPAN_MS) break;
    if (calendarDay(entry.atMs, timeZone) === today) sum += entry.realizedNetE6;
  }
  return sum;
}
