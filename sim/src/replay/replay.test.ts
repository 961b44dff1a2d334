import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../cli.js';
import { loadFedMentionMarkets } from '../data/fed-markets.js';
import { loadTradePrints } from '../data/trades.js';
import { ReplayPlayer } from './player.js';
import { fedSource } from './sources/fed-source.js';
import { tradesSource } from './sources/trades-source.js';
import { makeTestWorld } from './test-world.js';

const times = { simStartMs: Date.UTC(2026, 10, 25, 12), speed: 1 };

describe('replay against the real engine', () => {
  const fed = fedSource(loadFedMentionMarkets(DEFAULT_DATA_DIR).rows, times);

  it('opening quotes leave every market two-sided around the recorded quote', () => {
    const world = makeTestWorld([fed]);
    const player = new ReplayPlayer([fed], {
      exchange: world.exchange,
      maker: world.maker,
      tapeUserId: 'tape',
      speed: 1,
      log: world.log,
    });
    player.open();
    expect(world.catalog.markets.size).toBe(46);
    for (const ticker of world.catalog.markets.keys()) {
      const view = world.exchange.getMarket(ticker);
      expect(view?.yesBidE4, ticker).not.toBeNull();
      expect(view?.yesAskE4, ticker).not.toBeNull();
      expect(view?.yesBidE4 ?? 0).toBeLessThan(view?.yesAskE4 ?? 0);
    }
    // KXFEDMENTION-26MAR-JUDY was recorded at bid 0.00 / ask 0.01: pulled inside to 1¢ / 2¢.
    const judy = world.exchange.getMarket('KXFEDMENTION-26MAR-JUDY');
    expect([judy?.yesBidE4, judy?.yesAskE4]).toEqual([100, 200]);
  });

  it('depth is a pure function of the seed', () => {
    const books = [1, 1, 2].map((seed) => {
      const world = makeTestWorld([fed], seed);
      new ReplayPlayer([fed], {
        exchange: world.exchange,
        maker: world.maker,
        tapeUserId: 'tape',
        speed: 1,
        log: world.log,
      }).open();
      return JSON.stringify(world.exchange.book('KXFEDMENTION-26MAR-JUDY'));
    });
    expect(books[0]).toBe(books[1]);
    expect(books[0]).not.toBe(books[2]);
  });

  it('re-enacts recorded prints as engine trades at the recorded price and size', () => {
    const tape = loadTradePrints(DEFAULT_DATA_DIR).rows;
    const source = tradesSource(tape, times, 1);
    const first = source.timeline.slice(0, 20);
    let monotonicMs = 0;
    const world = makeTestWorld([source]);
    const player = new ReplayPlayer([source], {
      exchange: world.exchange,
      maker: world.maker,
      tapeUserId: 'tape',
      speed: 1,
      log: world.log,
      monotonicMs: () => monotonicMs,
    });
    player.open();
    player.start();
    player.stop();
    monotonicMs = (first.at(-1)?.offsetMs ?? 0) + 1;
    player.tick();
    const trades = world.exchange.trades();
    expect(player.tradesReplayed).toBeGreaterThanOrEqual(20);
    for (const item of first) {
      if (item.kind !== 'trade') continue;
      const match = trades.find(
        (t) =>
          t.ticker === item.ticker &&
          t.yesPriceE4 === item.yesPriceCents * 100 &&
          t.takerSide === (item.takerSide === 'yes' ? 'bid' : 'ask'),
      );
      expect(match, `${item.ticker} @${item.yesPriceCents}`).toBeDefined();
    }
    const tradedE2 = trades.reduce((sum, t) => sum + t.countE2, 0);
    const recordedE2 = source.timeline
      .filter((i) => i.offsetMs <= monotonicMs && i.kind === 'trade')
      .reduce((sum, i) => sum + (i.kind === 'trade' ? i.count * 100 : 0), 0);
    expect(tradedE2).toBe(recordedE2);
    // After each print the maker re-quotes both sides.
    for (const ticker of world.catalog.markets.keys()) {
      const view = world.exchange.getMarket(ticker);
      expect(view?.yesBidE4 !== null && view?.yesAskE4 !== null, ticker).toBe(true);
    }
  });

  it('a trading pause keeps the resting ladder instead of pulling it', () => {
    const world = makeTestWorld([fed]);
    new ReplayPlayer([fed], {
      exchange: world.exchange,
      maker: world.maker,
      tapeUserId: 'tape',
      speed: 1,
      log: world.log,
    }).open();
    const before = JSON.stringify(world.exchange.book('KXFEDMENTION-26MAR-JUDY'));
    world.exchange.setTradingPaused(true);
    expect(world.maker.quote('KXFEDMENTION-26MAR-JUDY', { yesBidCents: 40, yesAskCents: 45 }, 100)).toBe(
      false,
    );
    expect(JSON.stringify(world.exchange.book('KXFEDMENTION-26MAR-JUDY'))).toBe(before);
    world.exchange.setTradingPaused(false);
    expect(world.maker.quote('KXFEDMENTION-26MAR-JUDY', { yesBidCents: 40, yesAskCents: 45 }, 100)).toBe(
      true,
    );
    expect(world.exchange.getMarket('KXFEDMENTION-26MAR-JUDY')?.yesBidE4).toBe(4000);
  });
});
