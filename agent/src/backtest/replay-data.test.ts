import { describe, expect, it } from 'vitest';
import { bookTop, mergeStreams, trade } from './replay-data.js';

describe('replay data', () => {
  it('reads 0 bid / 100 ask as empty sides and a crossed or one-sided book as unquotable', () => {
    expect(bookTop('A', 1, 0, 40)).toMatchObject({ bestBidE4: null, bestAskE4: 4000, isQuotable: false });
    expect(bookTop('A', 1, 40, 100)).toMatchObject({ bestBidE4: 4000, bestAskE4: null, isQuotable: false });
    expect(bookTop('A', 1, 41, 41)).toMatchObject({ isQuotable: false });
    expect(bookTop('A', 1, 40, 42)).toMatchObject({
      bestBidE4: 4000,
      bestAskE4: 4200,
      isQuotable: true,
      asOfMs: 1,
    });
  });

  it('merges markets by time, ties to the lower ticker, each market in its recorded order', () => {
    const data = mergeStreams('x', [
      {
        ticker: 'B-1',
        depthScaleContracts: 10,
        events: [bookTop('B-1', 5, 40, 42), trade('B-1', 5, 41, 2, 'yes')],
      },
      {
        ticker: 'A-1',
        depthScaleContracts: 10,
        events: [bookTop('A-1', 5, 10, 12), bookTop('A-1', 9, 11, 13)],
      },
    ]);
    expect(data.markets.map((m) => [m.ticker, m.closeTimeMs])).toEqual([
      ['A-1', 9],
      ['B-1', 5],
    ]);
    expect(data.items.map((i) => `${i.market}:${i.event.type}@${i.event.atMs}`)).toEqual([
      '0:book@5',
      '1:book@5',
      '1:trade@5',
      '0:book@9',
    ]);
  });

  it('refuses a market whose rows go back in time, naming it', () => {
    expect(() =>
      mergeStreams('x', [
        {
          ticker: 'A-1',
          depthScaleContracts: 10,
          events: [bookTop('A-1', 9, 10, 12), bookTop('A-1', 5, 10, 12)],
        },
      ]),
    ).toThrow(/A-1 goes back in time/);
  });
});
