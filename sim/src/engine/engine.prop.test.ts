import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exchange } from './exchange.js';
import { manualClock } from './test-helpers.js';
import type { BookSide, MarketSpec, SelfTradePrevention, TimeInForce } from './types.js';

/**
 * Property tests over random command sequences against two markets (cent grid with maker fees,
 * deci-cent grid with a 0.5 multiplier and fractional counts). After every command the engine
 * must keep its accounting identities; at the end both markets settle and cash must balance.
 */
const USERS = ['u0', 'u1', 'u2', 'u3'] as const;
const DEPOSIT_E6 = 15_000_000; // $15: small enough that balance rejections happen

const MARKETS: MarketSpec[] = [
  {
    ticker: 'CENT',
    eventTicker: 'EV',
    seriesTicker: 'SER',
    priceLevelStructure: 'linear_cent',
    priceRanges: [{ startE4: 0, endE4: 10_000, stepE4: 100 }],
    fee: { feeType: 'quadratic_with_maker_fees', multiplierE4: 10_000 },
  },
  {
    ticker: 'DECI',
    eventTicker: 'EV',
    seriesTicker: 'SER',
    priceLevelStructure: 'deci_cent',
    priceRanges: [{ startE4: 0, endE4: 10_000, stepE4: 10 }],
    fee: { feeType: 'quadratic', multiplierE4: 5_000 },
  },
];

const place = fc.record({
  kind: fc.constant('place' as const),
  user: fc.constantFrom(...USERS),
  market: fc.constantFrom(0, 1),
  side: fc.constantFrom<BookSide>('bid', 'ask'),
  tick: fc.integer({ min: -20, max: 20 }),
  countE2: fc.oneof(
    fc.integer({ min: 1, max: 50 }),
    fc.integer({ min: 1, max: 20 }).map((n) => n * 100),
  ),
  tif: fc.constantFrom<TimeInForce>(
    'good_till_canceled',
    'good_till_canceled',
    'immediate_or_cancel',
    'fill_or_kill',
  ),
  stp: fc.constantFrom<SelfTradePrevention>('taker_at_cross', 'maker'),
  postOnly: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  reduceOnly: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  expiresInMs: fc.option(fc.integer({ min: 1, max: 30_000 }), { freq: 5 }),
  inGroup: fc.integer({ min: 0, max: 2 }).map((n) => n === 0),
});
const group = fc.record({
  kind: fc.constant('group' as const),
  user: fc.constantFrom(...USERS),
  limitE2: fc.integer({ min: 1, max: 1_000 }),
  action: fc.constantFrom('create', 'reset', 'trigger', 'limit'),
});
const cancel = fc.record({
  kind: fc.constant('cancel' as const),
  user: fc.constantFrom(...USERS),
  pick: fc.nat(),
});
const amend = fc.record({
  kind: fc.constant('amend' as const),
  user: fc.constantFrom(...USERS),
  pick: fc.nat(),
  tick: fc.integer({ min: -20, max: 20 }),
  extraE2: fc.integer({ min: 1, max: 500 }),
});
const decrease = fc.record({
  kind: fc.constant('decrease' as const),
  user: fc.constantFrom(...USERS),
  pick: fc.nat(),
  byE2: fc.integer({ min: 1, max: 300 }),
});
const tick = fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 20_000 }) });
// Pauses and deactivations are short-lived (3 of 4 toggles switch trading back on).
const isOn = fc.integer({ min: 0, max: 3 }).map((n) => n > 0);
const pause = fc.record({ kind: fc.constant('pause' as const), isPaused: isOn.map((on) => !on) });
const toggle = fc.record({
  kind: fc.constant('toggle' as const),
  market: fc.constantFrom(0, 1),
  isActive: isOn,
});
const command = fc.oneof(
  { arbitrary: place, weight: 8 },
  { arbitrary: cancel, weight: 1 },
  { arbitrary: amend, weight: 1 },
  { arbitrary: decrease, weight: 1 },
  { arbitrary: tick, weight: 1 },
  { arbitrary: pause, weight: 1 },
  { arbitrary: group, weight: 1 },
  { arbitrary: toggle, weight: 1 },
);
type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

function priceFor(market: number, tickOffset: number): number {
  return market === 0 ? 5000 + tickOffset * 100 : 5000 + tickOffset * 10;
}

function apply(exchange: Exchange, clock: ReturnType<typeof manualClock>, cmd: Command): void {
  switch (cmd.kind) {
    case 'place': {
      const spec = MARKETS[cmd.market];
      if (!spec) return;
      const groupId = cmd.inGroup ? exchange.listOrderGroups(cmd.user)[0]?.orderGroupId : undefined;
      exchange.placeOrder(cmd.user, {
        ticker: spec.ticker,
        side: cmd.side,
        priceE4: priceFor(cmd.market, cmd.tick),
        countE2: cmd.countE2,
        timeInForce: cmd.tif,
        selfTradePrevention: cmd.stp,
        postOnly: cmd.postOnly,
        reduceOnly: cmd.reduceOnly,
        ...(groupId === undefined ? {} : { orderGroupId: groupId }),
        ...(cmd.expiresInMs !== null && cmd.tif === 'good_till_canceled'
          ? { expirationTimeMs: clock.now() + cmd.expiresInMs }
          : {}),
      });
      return;
    }
    case 'cancel':
    case 'amend':
    case 'decrease': {
      const resting = exchange.listOrders(cmd.user, { status: 'resting' });
      const order = resting[cmd.pick % Math.max(1, resting.length)];
      if (!order) return;
      if (cmd.kind === 'cancel') exchange.cancelOrder(cmd.user, order.orderId);
      else if (cmd.kind === 'decrease')
        exchange.decreaseOrder(cmd.user, order.orderId, { reduceByE2: cmd.byE2 });
      else {
        const market = order.ticker === 'CENT' ? 0 : 1;
        exchange.amendOrder(cmd.user, order.orderId, {
          ticker: order.ticker,
          side: order.side,
          priceE4: priceFor(market, cmd.tick),
          countE2: order.fillCountE2 + cmd.extraE2,
        });
      }
      return;
    }
    case 'tick':
      clock.advance(cmd.ms);
      exchange.processTimers();
      return;
    case 'pause':
      exchange.setTradingPaused(cmd.isPaused);
      return;
    case 'group': {
      const existing = exchange.listOrderGroups(cmd.user)[0]?.orderGroupId;
      if (cmd.action === 'create' || existing === undefined) exchange.createOrderGroup(cmd.user, cmd.limitE2);
      else if (cmd.action === 'reset') exchange.resetOrderGroup(cmd.user, existing);
      else if (cmd.action === 'trigger') exchange.triggerOrderGroup(cmd.user, existing);
      else exchange.updateOrderGroupLimit(cmd.user, existing, cmd.limitE2);
      return;
    }
    case 'toggle': {
      const spec = MARKETS[cmd.market];
      if (!spec) return;
      if (cmd.isActive) exchange.activateMarket(spec.ticker);
      else exchange.deactivateMarket(spec.ticker);
      return;
    }
  }
}

function checkInvariants(exchange: Exchange): void {
  let cashE6 = 0;
  let feesE6 = 0;
  let escrowE6 = 0;
  for (const spec of MARKETS) {
    let sumE2 = 0;
    for (const user of USERS) {
      const position = exchange.positions(user).find((p) => p.ticker === spec.ticker);
      const fills = exchange.listFills(user, { ticker: spec.ticker });
      // a position is exactly what the fills add up to (bids +, asks −): nothing appears from nowhere
      const fromFillsE2 = fills.reduce((s, f) => s + (f.side === 'bid' ? f.countE2 : -f.countE2), 0);
      const settled = exchange.settlements(user).some((s) => s.ticker === spec.ticker);
      if (!settled) expect(position?.positionE2 ?? 0).toBe(fromFillsE2);
      sumE2 += position?.positionE2 ?? 0;
    }
    // every YES contract is matched by a NO contract
    expect(sumE2).toBe(0);
    const view = exchange.getMarket(spec.ticker);
    escrowE6 += (view?.openInterestE2 ?? 0) * 10_000;
    // the book is never crossed after matching
    const book = exchange.book(spec.ticker);
    const bestYes = book?.yes[0]?.[0] ?? 0;
    const bestNo = book?.no[0]?.[0] ?? 0;
    if (bestYes > 0 && bestNo > 0) expect(bestYes + bestNo).toBeLessThan(10_000);
  }
  for (const user of USERS) {
    const balance = exchange.balance(user);
    expect(balance.balanceE6).toBeGreaterThanOrEqual(0);
    expect(balance.availableE6).toBeGreaterThanOrEqual(0);
    cashE6 += balance.balanceE6;
    // a live order group is below its limit (reaching it triggers); a triggered one holds no orders
    for (const g of exchange.listOrderGroups(user)) {
      if (!g.isTriggered) expect(g.matchedInWindowE2).toBeLessThan(g.contractsLimitE2);
      if (g.isTriggered) expect(g.orderIds).toEqual([]);
    }
    feesE6 += exchange.listFills(user).reduce((s, f) => s + f.feeE6, 0);
    for (const order of exchange.listOrders(user)) {
      expect(order.fillCountE2 + order.remainingCountE2).toBeLessThanOrEqual(order.initialCountE2);
      expect(order.status === 'resting').toBe(order.remainingCountE2 > 0);
      const filledE2 = exchange
        .listFills(user, { orderId: order.orderId })
        .reduce((s, f) => s + f.countE2, 0);
      expect(filledE2).toBe(order.fillCountE2);
    }
  }
  // cash is conserved: balances + fees + $1 escrowed per open contract = deposits
  expect(cashE6 + feesE6 + escrowE6).toBe(USERS.length * DEPOSIT_E6);
  expect(exchange.auditReserves()).toEqual([]);
}

describe('engine properties', () => {
  it('keeps contracts, cash and reserves consistent and the book uncrossed under random commands', () => {
    fc.assert(
      fc.property(
        fc.array(command, { minLength: 1, maxLength: 80, size: 'max' }),
        fc.constantFrom('yes', 'no'),
        (cmds, result) => {
          const clock = manualClock();
          const exchange = new Exchange({ clock: clock.now, seed: 11 });
          for (const spec of MARKETS) exchange.addMarket(spec);
          for (const user of USERS) exchange.deposit(user, DEPOSIT_E6);
          for (const cmd of cmds) {
            apply(exchange, clock, cmd);
            checkInvariants(exchange);
          }
          exchange.setTradingPaused(false);
          for (const spec of MARKETS) {
            expect(exchange.determineMarket(spec.ticker, result).ok).toBe(true);
            expect(exchange.settleMarket(spec.ticker).ok).toBe(true);
          }
          checkInvariants(exchange);
          for (const user of USERS) expect(exchange.balance(user).reservedE6).toBe(0);
        },
      ),
      { seed: 20261125, numRuns: 300 },
    );
  });
});
