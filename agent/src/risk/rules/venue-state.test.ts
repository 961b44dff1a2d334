import { MarketTicker } from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import { evaluateOrder } from '../evaluate.js';
import { MKT, NOW_MS, book, intent, market, position, settings, snapshot, ticker } from '../test-fixtures.js';

const OK = { ok: true };
const sellHeld = intent({ action: 'sell', countE2: 500 });
const holding = [position(MKT, 1_000, 5_000_000)];

describe('TRADING_HALTED', () => {
  it('denies everything, even an order that reduces', () => {
    const halted = snapshot({ mode: 'halted', positions: holding });
    expect(evaluateOrder(sellHeld, halted, settings())).toEqual({
      ok: false,
      rule: 'TRADING_HALTED',
      detail: 'Trading is halted: no new orders until a person resumes trading.',
    });
    expect(evaluateOrder(intent(), snapshot(), settings())).toEqual(OK);
  });
});

describe('EXCHANGE_PAUSED', () => {
  it('denies every order while the exchange is paused', () => {
    const paused = snapshot({ isExchangePaused: true, positions: holding });
    expect(evaluateOrder(sellHeld, paused, settings())).toMatchObject({ ok: false, rule: 'EXCHANGE_PAUSED' });
  });
});

describe('UNKNOWN_OUTCOME_PENDING', () => {
  it('blocks the market with an unreconciled order, not the others', () => {
    const other = ticker('MKT-B');
    const pending = snapshot({ unknownOutcomeTickers: [MKT] }, [MKT, other]);
    expect(evaluateOrder(intent(), pending, settings())).toEqual({
      ok: false,
      rule: 'UNKNOWN_OUTCOME_PENDING',
      detail:
        'An earlier order on MKT-A has an unknown outcome: no new orders there until reconciliation settles it.',
    });
    expect(evaluateOrder(intent({ ticker: other }), pending, settings())).toEqual(OK);
  });
});

describe('MARKET_NOT_ACTIVE', () => {
  it.each([
    ['paused', 'MKT-A is paused by the exchange.'],
    ['closed', 'MKT-A is closed for trading.'],
  ] as const)('denies a %s market', (status, detail) => {
    const state = snapshot({ markets: [market(MKT, { status })] });
    expect(evaluateOrder(intent(), state, settings())).toEqual({
      ok: false,
      rule: 'MARKET_NOT_ACTIVE',
      detail,
    });
  });
  it('fails closed on a market with no known status', () => {
    const unknown = snapshot({ markets: [] });
    expect(evaluateOrder(intent(), unknown, settings())).toMatchObject({
      ok: false,
      rule: 'MARKET_NOT_ACTIVE',
    });
  });
});

describe('PRE_CLOSE_BLACKOUT', () => {
  const blackout = settings({ preCloseBlackoutMs: 300_000 });
  const closingIn = (ms: number) =>
    snapshot({ markets: [market(MKT, { closeTimeMs: NOW_MS + ms })], positions: holding });

  it('allows new exposure at exactly the blackout, denies 1 ms inside it', () => {
    expect(evaluateOrder(intent(), closingIn(300_000), blackout)).toEqual(OK);
    expect(evaluateOrder(intent(), closingIn(299_999), blackout)).toEqual({
      ok: false,
      rule: 'PRE_CLOSE_BLACKOUT',
      detail:
        'MKT-A closes in 5m, inside the 5m pre-close blackout: only orders that reduce the position are allowed.',
    });
  });
  it('still lets a position be reduced, and says when the close time has passed', () => {
    expect(evaluateOrder(sellHeld, closingIn(1), blackout)).toEqual(OK);
    expect(evaluateOrder(intent(), closingIn(-1), blackout)).toMatchObject({
      detail: expect.stringContaining('MKT-A is past its close time') as string,
    });
  });
  it('is off at 0', () => {
    expect(evaluateOrder(intent(), closingIn(1), settings({ preCloseBlackoutMs: 0 }))).toEqual(OK);
  });
});

describe('BOOK_STALE', () => {
  const withBook = (books: ReturnType<typeof book>[]) => snapshot({ books });
  it.each([
    ['missing', withBook([]), 'There is no order book for MKT-A yet.'],
    [
      'unquotable',
      withBook([book(MKT, { isQuotable: false })]),
      'The order book for MKT-A is not quotable until a fresh snapshot arrives.',
    ],
    ['stale', withBook([book(MKT, { isStale: true })]), 'The order book for MKT-A is stale: no recent data.'],
    [
      'empty',
      withBook([book(MKT, { bestBidE4: null, bestAskE4: null })]),
      'The order book for MKT-A is empty on both sides.',
    ],
  ])('denies a %s book', (_name, state, detail) => {
    expect(evaluateOrder(intent(), state, settings())).toEqual({ ok: false, rule: 'BOOK_STALE', detail });
  });
  it('allows a one-sided book', () => {
    expect(evaluateOrder(intent(), withBook([book(MKT, { bestAskE4: null })]), settings())).toEqual(OK);
  });
  it('uses the book of the intent market only', () => {
    const other = MarketTicker.parse('MKT-B');
    const state = snapshot({ books: [book(MKT), book(other, { isStale: true })] }, [MKT]);
    expect(evaluateOrder(intent(), state, settings())).toEqual(OK);
  });
});
