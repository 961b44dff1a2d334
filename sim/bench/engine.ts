/**
 * Engine-only throughput: order creates/s through `Exchange.placeOrder`, no HTTP, no WS.
 * A seeded stream of GTC orders around mid (about a third cross and trade) from 20 users, with
 * cancels keeping the book a realistic depth, and one listener consuming every event as the WS
 * layer would. Run: `node --import tsx sim/bench/engine.ts` — prints one plain line per phase.
 */
import { performance } from 'node:perf_hooks';
import { Exchange } from '../src/engine/index.js';

const ORDERS = 200_000;
const USERS = 20;
const TICKER = 'BENCH-ENGINE';

function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function run(): void {
  let nowMs = Date.UTC(2026, 10, 25);
  const exchange = new Exchange({ clock: () => nowMs, seed: 1 });
  exchange.addMarket({
    ticker: TICKER,
    eventTicker: 'BENCH',
    seriesTicker: 'BENCH',
    priceLevelStructure: 'linear_cent',
    priceRanges: [{ startE4: 0, endE4: 10_000, stepE4: 100 }],
    fee: { feeType: 'quadratic_with_maker_fees', multiplierE4: 10_000 },
  });
  for (let u = 0; u < USERS; u += 1) exchange.deposit(`u${u}`, 1_000_000_000_000);
  let events = 0;
  exchange.subscribe(() => (events += 1));
  const random = rng(42);
  const resting: { user: string; orderId: string }[] = [];
  let fills = 0;
  let rejects = 0;
  let cancels = 0;
  const startedMs = performance.now();
  for (let i = 0; i < ORDERS; i += 1) {
    nowMs += 1;
    const user = `u${Math.floor(random() * USERS)}`;
    const side = random() < 0.5 ? 'bid' : 'ask';
    // Mid at 0.50; bids below and asks above, with enough overlap that ~1/3 of orders trade.
    const offset = Math.floor(random() * 12) - 3;
    const priceE4 = side === 'bid' ? 5000 - offset * 100 : 5000 + offset * 100;
    const result = exchange.placeOrder(user, {
      ticker: TICKER,
      side,
      priceE4,
      countE2: (1 + Math.floor(random() * 20)) * 100,
      timeInForce: 'good_till_canceled',
      selfTradePrevention: 'maker',
    });
    if (!result.ok) {
      rejects += 1;
      continue;
    }
    fills += result.fills.length;
    if (result.order.status === 'resting') resting.push({ user, orderId: result.order.orderId });
    if (resting.length > 2_000) {
      const victim = resting.splice(Math.floor(random() * resting.length), 1)[0];
      if (victim) {
        exchange.cancelOrder(victim.user, victim.orderId);
        cancels += 1;
      }
    }
  }
  const elapsedMs = performance.now() - startedMs;
  const perSecond = Math.round((ORDERS / elapsedMs) * 1000);
  const book = exchange.book(TICKER, 0);
  process.stdout.write(
    `engine: ${perSecond} order creates/s (${ORDERS} orders, ${fills} taker fills, ${cancels} cancels, ` +
      `${rejects} rejects, ${events} events, ${book?.yes.length ?? 0}+${book?.no.length ?? 0} levels, ` +
      `${elapsedMs.toFixed(0)} ms)\n`,
  );
}

run();
