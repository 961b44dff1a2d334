import { KeyRegistry } from '../auth/index.js';
import { ExchangeSchedule } from '../exchange/index.js';
import { FaultState } from '../faults/index.js';
import { RateLimiter } from '../limits/index.js';
import { createSimClock } from '../lib/clock.js';
import { DEFAULT_DATA_DIR } from '../cli.js';
import { loadFedMentionMarkets } from '../data/fed-markets.js';
import { loadWeatherTopOfBook } from '../data/weather.js';
import { ReplayPlayer } from '../replay/player.js';
import { fedSource } from '../replay/sources/fed-source.js';
import { weatherSource } from '../replay/sources/weather-source.js';
import { makeTestWorld } from '../replay/test-world.js';
import { TradeTape } from '../rest/markets/index.js';
import { createSimApp } from './app.js';
import type { SimContext } from './context.js';

/**
 * An in-process sim (real engine, real replay of the FED and weather data, real app) for route
 * tests via `app.request`. Integration tests in sim/test start the real process instead.
 */
export function makeTestSim() {
  const nowMs = Date.UTC(2026, 10, 25, 12);
  const times = { simStartMs: nowMs, speed: 1 };
  const sources = [
    fedSource(loadFedMentionMarkets(DEFAULT_DATA_DIR).rows, times),
    weatherSource(loadWeatherTopOfBook(DEFAULT_DATA_DIR).rows, [], times),
  ];
  const world = makeTestWorld(sources, 1, nowMs);
  new ReplayPlayer(sources, {
    exchange: world.exchange,
    maker: world.maker,
    tapeUserId: 'tape',
    speed: 1,
    log: world.log,
  }).open();
  const tape = new TradeTape();
  world.exchange.subscribe((e) => {
    if (e.type === 'trade') tape.record(e.trade);
  });
  const ctx: SimContext = {
    exchange: world.exchange,
    clock: createSimClock(() => nowMs),
    keys: new KeyRegistry(),
    limiter: new RateLimiter('basic'),
    schedule: new ExchangeSchedule(),
    faults: new FaultState(),
    log: world.log,
  };
  const market = { catalog: world.catalog, tape };
  return { ctx, market, world, app: createSimApp(ctx, market) };
}
