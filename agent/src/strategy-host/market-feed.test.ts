import { describe, expect, it } from 'vitest';
import type { OrderBook } from '@pt/protocol';
import { OrderBook as OrderBookSchema } from '@pt/protocol';
import { reasonForDenial } from './decision-log.js';
import { bookTop, sentimentEvent } from './market-feed.js';

const book: OrderBook = OrderBookSchema.parse({
  ticker: 'KXHIGHNY-25DEC27-B33.5',
  yesBids: [{ priceE4: 4200, countE2: 500 }],
  noBids: [{ priceE4: 4400, countE2: 300 }],
  yesAsks: [{ priceE4: 5600, countE2: 300 }],
  noAsks: [{ priceE4: 5800, countE2: 500 }],
  isQuotable: true,
  asOfMs: 1_000,
});

describe('market feed', () => {
  it('takes the top of a quotable book, and none of an unquotable or missing one', () => {
    expect(bookTop(book.ticker, book, 2_000)).toEqual({
      type: 'book',
      atMs: 2_000,
      ticker: book.ticker,
      bestBidE4: 4200,
      bestAskE4: 5600,
      isQuotable: true,
      asOfMs: 1_000,
    });
    expect(bookTop(book.ticker, { ...book, isQuotable: false }, 2_000)).toMatchObject({
      isQuotable: false,
      bestBidE4: null,
    });
    expect(bookTop(book.ticker, null, 2_000)).toMatchObject({ isQuotable: false, bestAskE4: null });
  });

  it('reads sentiment from the monitor, and none without one', () => {
    const signal = {
      topic: 'cpi',
      effective: 0.4,
      score: 0.5,
      confidence: 0.8,
      ageMs: 10_000,
      isStale: false,
      isHealthCut: false,
      healthyShare: 1,
      nItems: 12,
      generatedAtMs: 0,
      ttlMs: 3_600_000,
    };
    const source = { signal: () => signal, killSwitch: { isEngaged: true } };
    expect(sentimentEvent('cpi', source, 5)).toEqual({
      type: 'sentiment',
      atMs: 5,
      topic: 'cpi',
      reading: { effective: 0.4, confidence: 0.8, ageMs: 10_000, isStale: false },
      isKillSwitchEngaged: true,
    });
    expect(sentimentEvent('cpi', undefined, 5)).toMatchObject({ reading: null, isKillSwitchEngaged: false });
  });

  it('maps the road denials to feed reasons', () => {
    expect(reasonForDenial('TRADING_HALTED')).toBe('trading_halted');
    expect(reasonForDenial('PRE_CLOSE_BLACKOUT')).toBe('pre_close_window');
    expect(reasonForDenial('UNKNOWN_OUTCOME_PENDING')).toBe('outcome_unknown_pending');
    expect(reasonForDenial('FAT_FINGER')).toBe('risk_limit');
    expect(reasonForDenial('MAX_ORDER_SIZE')).toBe('risk_limit');
  });
});
