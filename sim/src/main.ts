import { readFileSync } from 'node:fs';
import { parseCli } from './cli.js';
import { KeyRegistry, openAccounts } from './auth/index.js';
import { Exchange } from './engine/index.js';
import { ExchangeSchedule } from './exchange/index.js';
import { FaultState } from './faults/index.js';
import { RateLimiter } from './limits/index.js';
import { createSimClock } from './lib/clock.js';
import { createSimLogger } from './lib/log.js';
import { MarketCatalog } from './replay/catalog.js';
import { buildSources, registerSources } from './replay/build.js';
import { MarketMaker } from './replay/market-maker.js';
import { ReplayPlayer } from './replay/player.js';
import { ChurnPlayer } from './churn/churn-player.js';
import { openChurnBooks } from './churn/open.js';
import { quotePaths } from './churn/quote-paths.js';
import { TradeTape } from './rest/markets/index.js';
import type { SimContext } from './server/context.js';
import { startSimServer } from './server/start.js';

/** Cash for the replay's own users: far more than any tape can spend ($100M). */
const HOUSE_BALANCE_E6 = 100_000_000 * 1_000_000;
export const MAKER_USER_ID = 'sim-market-maker';
export const TAPE_USER_ID = 'sim-tape';

/**
 * `--exit-with-parent` (the embedded default's supervisor passes it): stop on our own when the
 * process that started us disappears, by a parent-pid watch and by stdin closing (the parent held
 * its write end). Taken off argv before the strict flag parser sees it.
 */
function takeExitWithParent(argv: readonly string[]): { argv: string[]; isWatched: boolean } {
  return {
    argv: argv.filter((arg) => arg !== '--exit-with-parent'),
    isWatched: argv.includes('--exit-with-parent'),
  };
}

function exitWithParent(onGone: (reason: string) => void): void {
  const parentPid = process.ppid;
  let isGone = false;
  const stop = (reason: string): void => {
    if (isGone) return;
    isGone = true;
    clearInterval(timer);
    onGone(reason);
  };
  const isParentAlive = (): boolean => {
    try {
      process.kill(parentPid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const timer = setInterval(() => {
    if (!isParentAlive()) stop('parent gone');
  }, 500);
  timer.unref();
  process.stdin.on('end', () => stop('stdin closed'));
  process.stdin.on('error', () => stop('stdin closed'));
  process.stdin.resume();
}

async function main(): Promise<void> {
  const watch = takeExitWithParent(process.argv.slice(2));
  const opts = parseCli(watch.argv);
  const log = createSimLogger(opts.logLevel);
  const clock = createSimClock();
  const keys = new KeyRegistry();
  const keyFile: unknown = opts.keys ? JSON.parse(readFileSync(opts.keys, 'utf8')) : [];
  const fileKeys = keys.addAll(KeyRegistry.parseEntries(keyFile));
  const exchange = new Exchange({ clock: () => clock.nowMs(), seed: opts.seed });
  // Every keyed user gets a funded account at once, so a client can trade right after ready.
  openAccounts(exchange, fileKeys);
  const ctx: SimContext = {
    exchange,
    clock,
    keys,
    limiter: new RateLimiter(opts.tier),
    schedule: new ExchangeSchedule({ hasWeeklyWindow: opts.maintenance === 'on' }),
    faults: new FaultState(),
    log,
  };
  const market = { catalog: new MarketCatalog(), tape: new TradeTape() };
  exchange.subscribe((event) => {
    if (event.type === 'trade') market.tape.record(event.trade);
  });

  const isChurn = opts.churn > 0;
  const sources = buildSources(
    opts.data,
    { simStartMs: clock.nowMs(), speed: opts.speed },
    log,
    isChurn ? Number.POSITIVE_INFINITY : 2,
  );
  registerSources(sources, market.catalog, exchange, log);
  exchange.deposit(MAKER_USER_ID, HOUSE_BALANCE_E6);
  exchange.deposit(TAPE_USER_ID, HOUSE_BALANCE_E6);
  const maker = new MarketMaker(exchange, MAKER_USER_ID, opts.seed, log);
  const player = new ReplayPlayer(sources, {
    exchange,
    maker,
    tapeUserId: TAPE_USER_ID,
    speed: opts.speed,
    log,
  });
  const churn = isChurn
    ? new ChurnPlayer(quotePaths(sources), {
        exchange,
        userId: MAKER_USER_ID,
        seed: opts.seed,
        updatesPerS: opts.churn,
        log,
      })
    : null;
  if (churn) openChurnBooks(sources, maker, churn);
  else player.open();

  const running = await startSimServer(ctx, market, opts.port);
  if (churn) churn.start();
  else player.start();
  let isStopping = false;
  const stop = (signal: string): void => {
    if (isStopping) return;
    isStopping = true;
    log.info('sim stopping', { signal });
    player.stop();
    churn?.stop();
    void running.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 2_000).unref();
  };
  // Benches pause the load generation (and resume it) without a restart: SIGUSR2 toggles churn.
  process.on('SIGUSR2', () => {
    if (!churn) return;
    if (churn.isRunning) churn.stop();
    else churn.start();
    log.info('churn toggled', { isRunning: churn.isRunning });
  });
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  if (watch.isWatched) exitWithParent(stop);
  log.info('sim listening', {
    port: running.port,
    markets: market.catalog.markets.size,
    keys: keys.size,
    churn: opts.churn,
  });
  const base = `127.0.0.1:${running.port}`;
  process.stdout.write(
    `${JSON.stringify({
      event: 'ready',
      port: running.port,
      pid: process.pid,
      rest: `http://${base}/trade-api/v2`,
      ws: `ws://${base}/trade-api/ws/v2`,
    })}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: 'error', msg: 'sim failed to start', err: String(err) })}\n`,
  );
  process.exit(1);
});
