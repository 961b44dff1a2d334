import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../cli.js';
import type { EngineEvent } from '../engine/index.js';
import { buildSources } from '../replay/build.js';
import type { Quote } from '../replay/timeline.js';
import { makeTestWorld } from '../replay/test-world.js';
import { ladderFor } from './churn-ladder.js';
import { ChurnPlayer, nextStop } from './churn-player.js';
import { openChurnBooks } from './open.js';
import { quotePaths, type QuotePath } from './quote-paths.js';

const times = { simStartMs: Date.UTC(2026, 10, 25, 12), speed: 1 };
// Every recorded data set, every economics tape market (as `--churn` loads them).
const sources = buildSources(DEFAULT_DATA_DIR, times, makeTestWorld([]).log, Number.POSITIVE_INFINITY);
const paths = quotePaths(sources);

/** The engine book of `ticker` as the set of `bid:cents` / `ask:cents` levels. */
function levelsOf(world: ReturnType<typeof makeTestWorld>, ticker: string): string[] {
  const book = world.exchange.book(ticker);
  const bids = (book?.yes ?? []).map(([priceE4]) => `bid:${priceE4 / 100}`);
  const asks = (book?.no ?? []).map(([priceE4]) => `ask:${100 - priceE4 / 100}`);
  return [...bids, ...asks].sort();
}

const ladderKeys = (quote: Quote): string[] =>
  ladderFor(quote)
    .map((l) => `${l.side}:${l.cents}`)
    .sort();

function churnWorld(only: readonly QuotePath[], updatesPerS: number, isRealClock = false) {
  const world = makeTestWorld(sources);
  let nowMs = 0;
  const deltas: EngineEvent[] = [];
  const churn = new ChurnPlayer(only, {
    exchange: world.exchange,
    userId: 'mm',
    seed: 1,
    updatesPerS,
    log: world.log,
    ...(isRealClock ? {} : { monotonicMs: () => nowMs }),
  });
  openChurnBooks(sources, world.maker, churn);
  world.exchange.subscribe((event) => {
    if (event.type === 'book_delta') deltas.push(event);
  });
  return {
    world,
    churn,
    deltas,
    setNow: (ms: number) => {
      nowMs = ms;
    },
  };
}

let running: ChurnPlayer | undefined;
afterEach(() => running?.stop());

describe('churn load generation: recorded quote paths', () => {
  it('takes every market whose recording moves, quotes two-sided, no repeats in a row', () => {
    expect(paths.length).toBeGreaterThan(400);
    const tickers = new Set(paths.map((p) => p.ticker));
    expect([...tickers].some((t) => t.startsWith('KXHIGHNY'))).toBe(true);
    expect([...tickers].some((t) => t.startsWith('KXNBAGAME'))).toBe(true);
    // The Fed-mention catalogue holds one recorded quote: nothing to walk.
    expect([...tickers].some((t) => t.startsWith('KXFEDMENTION'))).toBe(false);
    const bad = paths.filter(
      (path) =>
        path.quotes.length < 2 ||
        path.quotes.some(
          (q, i) =>
            q.yesBidCents < 1 ||
            q.yesAskCents > 99 ||
            q.yesBidCents >= q.yesAskCents ||
            (i > 0 && JSON.stringify(q) === JSON.stringify(path.quotes[i - 1])),
        ),
    );
    expect(bad.map((path) => path.ticker)).toEqual([]);
  });

  it('walks a path there and back without a jump', () => {
    const stops: number[] = [];
    let at = { index: 0, direction: 1 as 1 | -1 };
    for (let i = 0; i < 8; i += 1) {
      at = nextStop(at.index, at.direction, 3);
      stops.push(at.index);
    }
    expect(stops).toEqual([1, 2, 1, 0, 1, 2, 1, 0]);
  });
});

describe('churn against the real engine', () => {
  it('opens each churned market on the ladder of its first recorded quote', () => {
    const { world } = churnWorld(paths, 10_000);
    for (const path of paths.slice(0, 50)) {
      expect(levelsOf(world, path.ticker), path.ticker).toEqual(ladderKeys(path.quotes[0] as Quote));
    }
  });

  it('makes exactly the changes due, one engine book delta each, markets in turn, never crossed', () => {
    const { world, churn, deltas, setNow } = churnWorld(paths, 10_000);
    for (let ms = 5; ms <= 1_000; ms += 5) {
      setNow(ms);
      const before = deltas.length;
      churn.tick();
      expect(churn.updates).toBe(Math.floor(ms * 10));
      expect(deltas.length - before).toBe(50);
      // 50 changes over 540 markets taken in turn: no market twice in one tick.
      const touched = new Set(deltas.slice(before).map((d) => (d.type === 'book_delta' ? d.ticker : '')));
      expect(touched.size).toBe(50);
    }
    expect(churn.quotesReached).toBeGreaterThan(0);
    for (const path of paths) {
      const view = world.exchange.getMarket(path.ticker);
      expect(view?.yesBidE4 ?? 0, path.ticker).toBeLessThan(view?.yesAskE4 ?? 10_001);
    }
  });

  it('brings a market to each recorded quote in order, then back', () => {
    const shortest = [...paths].sort((a, b) => a.quotes.length - b.quotes.length)[0] as QuotePath;
    const { world, churn, setNow } = churnWorld([shortest], 200);
    const seen = [levelsOf(world, shortest.ticker).join(' ')];
    for (let ms = 5; ms <= 10_000 && churn.quotesReached <= 2 * shortest.quotes.length; ms += 5) {
      setNow(ms);
      churn.tick();
      const levels = levelsOf(world, shortest.ticker).join(' ');
      if (seen.at(-1) !== levels) seen.push(levels);
    }
    const settled = seen.filter((levels) => shortest.quotes.some((q) => ladderKeys(q).join(' ') === levels));
    const there = shortest.quotes.map((q) => ladderKeys(q).join(' '));
    const back = [...there].reverse().slice(1);
    expect(settled.slice(0, there.length + back.length)).toEqual([...there, ...back]);
  });

  it('a stalled loop catches up at most 100 ms of changes; paused trading makes none', () => {
    const { world, churn, setNow } = churnWorld(paths, 10_000);
    setNow(5_000);
    churn.tick();
    expect(churn.updates).toBe(1_000);
    expect(churn.skipped).toBe(49_000);
    world.exchange.setTradingPaused(true);
    setNow(6_000);
    churn.tick();
    expect(churn.updates).toBe(1_000);
  });

  it('stops cleanly: no book change after stop()', async () => {
    const { churn, deltas } = churnWorld(paths.slice(0, 20), 2_000, true);
    running = churn;
    churn.start();
    await new Promise((done) => setTimeout(done, 60));
    churn.stop();
    expect(deltas.length).toBeGreaterThan(0);
    expect(churn.isRunning).toBe(false);
    const after = deltas.length;
    await new Promise((done) => setTimeout(done, 60));
    expect(deltas.length).toBe(after);
    // Restarted (the sim's SIGUSR2 toggle), it paces from the restart, not from the first start.
    churn.start();
    await new Promise((done) => setTimeout(done, 60));
    churn.stop();
    expect(deltas.length).toBeGreaterThan(after);
    expect(churn.skipped).toBe(0);
  });
});
