/**
 * Order book apply rate (the book half of WS ingest; the full pipeline with JSON parsing and the
 * ledger is K3's ws-ingest bench). The delta stream is derived from real recorded top-of-book
 * logs (../shared/data/kalshi-weather, KXHIGHNY-26JAN01): every move of a recorded best bid
 * becomes the signed deltas that cancel the levels above it and add the new best in two
 * fractional pieces, as in the replay test. Printed beside the floor: a bare Map update of the
 * same deltas with no best-price tracking.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { MarketTicker, priceE4 } from '@pt/protocol';
import type { PriceE4 } from '@pt/protocol';
import { OrderBook } from '../src/connectors/kalshi/book/index.js';
import type { BookSide } from '../src/connectors/kalshi/book/index.js';
import { agentFigure, emit } from './bench.js';
import type { Bench } from './bench.js';

const CSV = fileURLToPath(
  new URL('../../../shared/data/kalshi-weather/market_data_KXHIGHNY-26JAN01.csv', import.meta.url),
);
const DURATION_MS = 1_500;

interface Delta {
  book: number;
  side: BookSide;
  priceE4: PriceE4;
  deltaE2: number;
}

/** Real price paths → venue-style deltas, per market (book index = market). */
function loadDeltas(): { tickers: MarketTicker[]; deltas: Delta[] } {
  const lines = readFileSync(CSV, 'utf8').trim().split('\n').slice(1);
  const tickers: MarketTicker[] = [];
  const levels = new Map<string, Map<number, number>>();
  const deltas: Delta[] = [];
  lines.forEach((line, row) => {
    const [, ticker = '', yes = '0', no = '0'] = line.trim().split(',');
    let book = tickers.indexOf(MarketTicker.parse(ticker));
    if (book < 0) book = tickers.push(MarketTicker.parse(ticker)) - 1;
    for (const [side, cents] of [
      ['yes', Number(yes)],
      ['no', Number(no)],
    ] as const) {
      const key = `${book}:${side}`;
      const sideLevels = levels.get(key) ?? new Map<number, number>();
      levels.set(key, sideLevels);
      const best = cents * 100;
      for (const [price, size] of [...sideLevels]) {
        if (price > best || cents === 0) {
          deltas.push({ book, side, priceE4: priceE4(price), deltaE2: -size });
          sideLevels.delete(price);
        }
      }
      if (cents === 0 || sideLevels.has(best)) continue;
      const size = 101 + ((row * 7919) % 4_900);
      const piece = Math.floor(size / 3);
      deltas.push({ book, side, priceE4: priceE4(best), deltaE2: piece });
      deltas.push({ book, side, priceE4: priceE4(best), deltaE2: size - piece });
      sideLevels.set(best, size);
    }
  });
  return { tickers, deltas };
}

function measure(apply: () => number): { perSecond: number; total: number } {
  let total = 0;
  const start = performance.now();
  while (performance.now() - start < DURATION_MS) total += apply();
  return { perSecond: Math.round(total / ((performance.now() - start) / 1000)), total };
}

export const bookApplyBench: Bench = {
  name: 'book-apply',
  run() {
    const { tickers, deltas } = loadDeltas();
    const books = tickers.map((ticker) => new OrderBook(ticker));
    const pass = (): number => {
      for (const book of books) book.applySnapshot([], []);
      for (const d of deltas) books[d.book]?.applyDelta(d.side, d.priceE4, d.deltaE2);
      return deltas.length;
    };
    const maps = tickers.map(() => ({ yes: new Map<number, number>(), no: new Map<number, number>() }));
    const floor = (): number => {
      for (const m of maps) {
        m.yes.clear();
        m.no.clear();
      }
      for (const d of deltas) {
        const side = maps[d.book]?.[d.side];
        if (side === undefined) continue;
        const next = (side.get(d.priceE4) ?? 0) + d.deltaE2;
        if (next > 0) side.set(d.priceE4, next);
        else side.delete(d.priceE4);
      }
      return deltas.length;
    };
    pass(); // warm up both paths before timing
    floor();
    const book = measure(pass);
    const raw = measure(floor);
    const inconsistent = books.reduce((n, b) => n + b.inconsistencyCount, 0);
    return Promise.resolve([
      agentFigure({
        name: 'book apply (OrderBook.applyDelta)',
        value: book.perSecond,
        unit: 'deltas/s',
        floor: { value: raw.perSecond, label: 'bare Map update, no best-price tracking' },
        note: `${deltas.length} real-path deltas over ${tickers.length} markets; ${(book.perSecond / raw.perSecond).toFixed(2)} × floor`,
      }),
      `book-apply check: ${inconsistent} inconsistencies (must be 0)`,
    ]);
  },
};

// Run alone: node --import tsx agent/bench/book-apply.bench.ts
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  emit(await bookApplyBench.run());
}
