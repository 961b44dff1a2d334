/**
 * The public surface: every runtime export of every module reaches index.ts (minus the listed
 * internals), and the inferred types keep their units (type-level checks run under tsc).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import * as publicApi from './index.js';
import type { CountE2, MoneyE6, Order, OrderId, PriceE4, ServerEvent } from './index.js';
import * as activity from './domain/activity.js';
import * as balance from './domain/balance.js';
import * as book from './domain/book.js';
import * as bookChanges from './domain/book-changes.js';
import * as environment from './domain/environment.js';
import * as fill from './domain/fill.js';
import * as health from './domain/health.js';
import * as market from './domain/market.js';
import * as order from './domain/order.js';
import * as position from './domain/position.js';
import * as tradingState from './domain/trading-state.js';
import * as errors from './errors.js';
import * as handshake from './handshake.js';
import * as ids from './ids.js';
import * as moneySchemas from './money-schemas.js';
import * as money from './money.js';
import * as restHealth from './rest/health.js';
import * as timestamp from './timestamp.js';
import * as validationError from './validation-error.js';
import * as version from './version.js';
import * as clientMessages from './ws/client-messages.js';
import * as serverEvents from './ws/server-events.js';
import * as streams from './ws/streams.js';

const modules = {
  activity,
  balance,
  book,
  bookChanges,
  environment,
  fill,
  health,
  market,
  order,
  position,
  tradingState,
  errors,
  handshake,
  ids,
  moneySchemas,
  money,
  restHealth,
  timestamp,
  validationError,
  version,
  clientMessages,
  serverEvents,
  streams,
};

describe('index.ts', () => {
  it('re-exports every runtime export of every module', () => {
    const exported = new Set(Object.keys(publicApi));
    const missing = Object.entries(modules).flatMap(([name, module]) =>
      Object.keys(module)
        .filter((key) => !exported.has(key))
        .map((key) => `${name}.${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('re-exports the same objects, not copies', () => {
    expect(publicApi.Order).toBe(order.Order);
    expect(publicApi.parsePriceDollars).toBe(money.parsePriceDollars);
  });
});

describe('inferred types keep their units', () => {
  it('brands prices, counts, money and ids', () => {
    expectTypeOf<Order['priceE4']>().toEqualTypeOf<PriceE4>();
    expectTypeOf<Order['filledCountE2']>().toEqualTypeOf<CountE2>();
    expectTypeOf<Order['orderId']>().toEqualTypeOf<OrderId | null>();
    expectTypeOf<z.infer<typeof publicApi.Balance>['availableMoneyE6']>().toEqualTypeOf<MoneyE6>();
    expectTypeOf<number>().not.toExtend<PriceE4>();
    expectTypeOf<PriceE4>().not.toExtend<CountE2>();
    expectTypeOf<string>().not.toExtend<OrderId>();
  });

  it('refuses to mix units in arithmetic and comparison', () => {
    const price = publicApi.priceE4(5600);
    const count = publicApi.countE2(100);
    // @ts-expect-error a price is not a count
    expect(publicApi.compareFixed(price, count)).toBe(1);
    // @ts-expect-error money helpers take money only
    expect(() => publicApi.addMoney(price, publicApi.moneyE6(1))).not.toThrow();
    // @ts-expect-error notional is price × count, not count × price
    expect(publicApi.notional(count, price)).toBe(560_000);
  });

  it('narrows server events on type', () => {
    expectTypeOf<Extract<ServerEvent, { type: 'order.updated' }>['order']>().toEqualTypeOf<Order>();
    expectTypeOf<ServerEvent['type']>().toEqualTypeOf<publicApi.ServerEventType>();
  });
});
