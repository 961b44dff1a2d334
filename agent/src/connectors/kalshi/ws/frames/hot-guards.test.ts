import { describe, expect, it } from 'vitest';
import { formatIssuePath } from '@pt/protocol';
import type { z } from 'zod';
import { guardOrderbookDelta, guardTicker, guardTrade, type GuardResult } from './hot-guards.js';
import { OrderbookDeltaFrame, TickerFrame, TradeFrame } from './market-schemas.js';
import { readRecordedWsFrames } from './recorded-frames.js';

/** The documented example (kalshi-api.md §4.3, ASYNC) plus variants the venue emits. */
const deltaFrames: unknown[] = [
  {
    type: 'orderbook_delta',
    sid: 2,
    seq: 3,
    msg: {
      market_ticker: 'FED-23DEC-T3.00',
      market_id: '9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1',
      price_dollars: '0.9600',
      delta_fp: '-54.00',
      side: 'yes',
      ts: '2022-11-22T20:44:01Z',
      ts_ms: 1669149841000,
    },
  },
  {
    type: 'orderbook_delta',
    sid: 1,
    seq: 99,
    msg: {
      market_ticker: 'KXHIGHNY-26JAN01-T37',
      market_id: 'c2a8c0a4-0000-4000-8000-000000000001',
      price_dollars: '0.0350',
      delta_fp: '12.25',
      side: 'no',
      client_order_id: 'my-order-1',
      subaccount: 0,
    },
  },
];

const MUTANTS: unknown[] = [
  undefined,
  null,
  true,
  0,
  -1,
  1.5,
  2 ** 60,
  '',
  'x',
  '0.56001',
  '-1.00',
  '1.0001',
  '7',
  {},
  [],
  ['0.5'],
];

function paths(frame: unknown): string[][] {
  if (typeof frame !== 'object' || frame === null) return [];
  const top = Object.keys(frame).map((k) => [k]);
  const msg: unknown = Reflect.get(frame, 'msg');
  const inner = typeof msg === 'object' && msg !== null ? Object.keys(msg).map((k) => ['msg', k]) : [];
  // also fields that are absent but optional in the schema
  return [...top, ...inner, ['msg', 'ts_ms'], ['msg', 'ts'], ['msg', 'client_order_id']];
}

function mutate(frame: unknown, path: string[], value: unknown): unknown {
  const copy: unknown = structuredClone(frame);
  let target: unknown = copy;
  for (const key of path.slice(0, -1)) target = Reflect.get(target as object, key);
  const last = path.at(-1) ?? '';
  if (typeof target !== 'object' || target === null) return copy;
  if (value === undefined) Reflect.deleteProperty(target, last);
  else Reflect.set(target, last, value);
  return copy;
}

function expectAgreement<T>(
  schema: z.ZodType<T>,
  guard: (f: unknown) => GuardResult<T>,
  frame: unknown,
): boolean {
  const parsed = schema.safeParse(frame);
  const guarded = guard(frame);
  const label = JSON.stringify(frame);
  expect(guarded.ok, label).toBe(parsed.success);
  if (parsed.success && guarded.ok) expect(guarded.value, label).toEqual(parsed.data);
  if (!parsed.success && !guarded.ok) {
    const zodFields = parsed.error.issues.map((i) => formatIssuePath(i.path));
    expect(zodFields, label).toContain(guarded.field);
  }
  return parsed.success;
}

const cases = [
  { name: 'orderbook_delta', schema: OrderbookDeltaFrame, guard: guardOrderbookDelta, frames: deltaFrames },
  { name: 'trade', schema: TradeFrame, guard: guardTrade, frames: readRecordedWsFrames('kalshi_trade') },
  { name: 'ticker', schema: TickerFrame, guard: guardTicker, frames: readRecordedWsFrames('kalshi_ticker') },
] as const;

describe('hot-path hand guards agree with the zod schemas', () => {
  for (const { name, schema, guard, frames } of cases) {
    it(`${name}: accept every recorded/documented frame with identical values`, () => {
      expect(frames.length).toBeGreaterThan(0);
      for (const frame of frames) expect(expectAgreement<unknown>(schema, guard, frame)).toBe(true);
    });

    it(`${name}: same verdict and field on every single-field mutation`, () => {
      let rejected = 0;
      let checked = 0;
      for (const frame of frames) {
        for (const path of paths(frame)) {
          for (const value of MUTANTS) {
            checked += 1;
            if (!expectAgreement<unknown>(schema, guard, mutate(frame, path, value))) rejected += 1;
          }
        }
      }
      // the mutations must actually exercise the failure side
      expect(rejected).toBeGreaterThan(checked / 3);
    });
  }

  it('names the field path of a drifted delta', () => {
    const renamed = mutate(deltaFrames[0], ['msg', 'delta_fp'], undefined);
    expect(guardOrderbookDelta(renamed)).toMatchObject({ ok: false, field: 'msg.delta_fp' });
    expect(guardOrderbookDelta('not a frame')).toMatchObject({ ok: false, field: '(root)' });
  });
});
