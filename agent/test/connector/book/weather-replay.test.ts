/**
 * Replays real recorded Kalshi top-of-book logs (../shared/data/kalshi-weather, see its
 * PROVENANCE.md: KXHIGHNY events, one row per book change, integer cents; a bid of 0 means the side
 * is empty and its implied opposite ask is then 100). The logs carry prices, not sizes, so each
 * market's first row becomes a snapshot and every later row becomes the venue-style signed deltas
 * that move the book there: levels above the new best are cancelled (exact negative deltas), the
 * new best is added in two fractional pieces, and deeper levels stay behind as depth. After each
 * row the book must report exactly the recorded best bids and implied asks.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MarketTicker, countE2, priceE4 } from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import { OrderBook } from '../../../src/connectors/kalshi/book/index.js';
import type { BookSide } from '../../../src/connectors/kalshi/book/index.js';

const DATA_DIR = fileURLToPath(new URL('../../../../../shared/data/kalshi-weather/', import.meta.url));
const FILES = ['market_data_KXHIGHNY-25DEC27.csv', 'market_data_KXHIGHNY-26JAN01.csv'];

interface Row {
  ticker: string;
  yesBidCents: number;
  noBidCents: number;
  impliedNoAskCents: number;
  impliedYesAskCents: number;
}

function readRows(file: string): Row[] {
  const [header, ...lines] = readFileSync(DATA_DIR + file, 'utf8')
    .trim()
    .split('\n');
  expect(header?.trim()).toBe(
    'timestamp,market_ticker,best_yes_bid,best_no_bid,implied_no_ask,implied_yes_ask',
  );
  return lines.map((line, i) => {
    const [, ticker, yes, no, noAsk, yesAsk] = line.trim().split(',');
    const cents = [yes, no, noAsk, yesAsk].map((v) => Number(v));
    if (ticker === undefined || cents.some((c) => !Number.isInteger(c) || c < 0 || c > 100)) {
      throw new Error(`${file} line ${i + 2}: malformed row "${line}"`);
    }
    const [yesBidCents = 0, noBidCents = 0, impliedNoAskCents = 0, impliedYesAskCents = 0] = cents;
    return { ticker, yesBidCents, noBidCents, impliedNoAskCents, impliedYesAskCents };
  });
}

/** The levels we have put on one side, mirrored outside the book so deltas can be exact. */
type SideLevels = Map<number, number>;

/** Size for a level, deterministic and fractional (1/100 contracts), varied by row. */
const sizeFor = (rowIndex: number): number => 101 + ((rowIndex * 7919) % 4_900);

function moveBestTo(
  book: OrderBook,
  side: BookSide,
  levels: SideLevels,
  bestCents: number,
  rowIndex: number,
): void {
  const bestE4 = bestCents * 100;
  for (const [price, size] of [...levels]) {
    if (price > bestE4 || bestCents === 0) {
      expect(book.applyDelta(side, priceE4(price), -size)).toBe(true);
      levels.delete(price);
    }
  }
  if (bestCents === 0 || levels.has(bestE4)) return;
  const size = sizeFor(rowIndex);
  const firstPiece = Math.floor(size / 3);
  book.applyDelta(side, priceE4(bestE4), firstPiece);
  book.applyDelta(side, priceE4(bestE4), size - firstPiece);
  levels.set(bestE4, size);
}

function expectRecordedTop(book: OrderBook, row: Row, yes: SideLevels, no: SideLevels): void {
  const bid = (cents: number, levels: SideLevels) =>
    cents === 0 ? null : { priceE4: cents * 100, countE2: levels.get(cents * 100) };
  // An implied ask of 100 means the opposite side has no bid: there is no ask.
  const ask = (cents: number, oppositeBidCents: number, levels: SideLevels) =>
    cents === 100 ? null : { priceE4: cents * 100, countE2: levels.get(oppositeBidCents * 100) };
  expect(book.bestYesBid()).toEqual(bid(row.yesBidCents, yes));
  expect(book.bestNoBid()).toEqual(bid(row.noBidCents, no));
  expect(book.bestYesAsk()).toEqual(ask(row.impliedYesAskCents, row.noBidCents, no));
  expect(book.bestNoAsk()).toEqual(ask(row.impliedNoAskCents, row.yesBidCents, yes));
  expect(book.isQuotable).toBe(true);
}

describe('order book replay of recorded KXHIGHNY top-of-book logs', () => {
  for (const file of FILES) {
    it(`rebuilds every recorded best bid and implied ask of ${file}`, () => {
      const rows = readRows(file);
      expect(rows.length).toBeGreaterThan(10_000);
      const books = new Map<string, { book: OrderBook; yes: SideLevels; no: SideLevels }>();
      rows.forEach((row, rowIndex) => {
        let state = books.get(row.ticker);
        if (state === undefined) {
          const book = new OrderBook(MarketTicker.parse(row.ticker));
          const yes: SideLevels = new Map();
          const no: SideLevels = new Map();
          if (row.yesBidCents > 0) yes.set(row.yesBidCents * 100, sizeFor(rowIndex));
          if (row.noBidCents > 0) no.set(row.noBidCents * 100, sizeFor(rowIndex + 1));
          const toSnapshot = (levels: SideLevels) =>
            [...levels].map(([price, size]) => [priceE4(price), countE2(size)] as const);
          book.applySnapshot(toSnapshot(yes), toSnapshot(no));
          state = { book, yes, no };
          books.set(row.ticker, state);
        } else {
          moveBestTo(state.book, 'yes', state.yes, row.yesBidCents, rowIndex);
          moveBestTo(state.book, 'no', state.no, row.noBidCents, rowIndex + 1);
        }
        expectRecordedTop(state.book, row, state.yes, state.no);
      });
      expect(books.size).toBe(6);
      for (const { book, yes, no } of books.values()) {
        expect(book.inconsistencyCount).toBe(0);
        // Depth left behind by the replay matches the mirror exactly, level by level.
        const sorted = (levels: SideLevels) =>
          [...levels].sort(([p], [q]) => q - p).map(([priceE4, countE2]) => ({ priceE4, countE2 }));
        expect(book.levels('yes')).toEqual(sorted(yes));
        expect(book.levels('no')).toEqual(sorted(no));
      }
    });
  }
});
