/** The fold over fills, settlements and adjustments in venue time, and today's P&L on the view. */
import type { MarketTicker } from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import { mergeSources } from './fill-set.js';
import { foldPortfolio } from './portfolio-fold.js';
import { buildView } from './portfolio-view.js';
import { restCopy, wsCopy } from './test-fills.js';
import type { Execution } from './test-fills.js';

const T = 'KXHIGHNY-25NOV25-B58.5' as MarketTicker;
const day = (h: number) => Date.UTC(2026, 10, 25, h);
const exec = (over: Partial<Execution>): Execution => ({
  orderId: 'o-1',
  ticker: T,
  side: 'bid',
  yesPriceE4: 4_000,
  countE2: 1_000,
  feeE6: 70_000,
  atMs: day(12),
  ...over,
});

describe('foldPortfolio', () => {
  it('is the same whatever order the facts were ledgered in', () => {
    const fills = [
      wsCopy(exec({ atMs: day(10) })),
      restCopy(exec({ orderId: 'o-2', side: 'ask', yesPriceE4: 3_000, countE2: 400, atMs: day(11) })),
      wsCopy(exec({ orderId: 'o-3', yesPriceE4: 5_000, countE2: 200, atMs: day(12) })),
    ];
    const a = foldPortfolio(mergeSources(fills), [], []);
    const b = foldPortfolio(mergeSources([...fills].reverse()), [], []);
    expect([...b.positions.values()]).toEqual([...a.positions.values()]);
    expect(b.realized).toEqual(a.realized);
  });

  it('records a losing exit when a fill closes contracts at a net loss', () => {
    const folded = foldPortfolio(
      mergeSources([
        wsCopy(exec({ atMs: day(10) })),
        wsCopy(exec({ orderId: 'o-2', side: 'ask', yesPriceE4: 3_500, countE2: 500, atMs: day(11) })),
        wsCopy(exec({ orderId: 'o-3', side: 'ask', yesPriceE4: 5_000, countE2: 100, atMs: day(12) })),
      ]),
      [],
      [],
    );
    expect(folded.losingExits).toEqual([{ ticker: T, atMs: day(11) }]);
  });

  it('a settlement closes the position at the payout; an adjustment resets to the venue from its instant', () => {
    const folded = foldPortfolio(
      mergeSources([wsCopy(exec({ atMs: day(10) })), wsCopy(exec({ orderId: 'o-2', atMs: day(13) }))]),
      [
        {
          ticker: T,
          eventTicker: 'KXHIGHNY-25NOV25',
          marketResult: 'yes',
          yesCountE2: 1_000,
          noCountE2: 0,
          revenueE6: 10_000_000,
          feeE6: 70_000,
          settledAtMs: day(14),
        },
      ],
      [{ ticker: T, fromE2: 1_000, toE2: 500, costE6: 2_000_000, asOfMs: day(12) }],
    );
    // 10:00 buy 10 → 12:00 venue says 5 (basis $2) → 13:00 buy 10 more → 15 held, basis $6 → settle YES $10.
    expect(folded.settlements).toEqual([
      expect.objectContaining({ positionE2: 1_500, costE6: 6_000_000, realizedE6: 4_000_000 }),
    ]);
    expect(folded.positions.get(T)).toMatchObject({ positionE2: 0, costE6: 0, feesE6: 140_000 });
  });
});

describe('buildView today', () => {
  it("sums today's realized in the trader's zone and marks open positions", () => {
    const folded = foldPortfolio(
      mergeSources([
        wsCopy(exec({ atMs: Date.UTC(2026, 10, 25, 2) })), // 21:00 on the 24th in New York
        wsCopy(
          exec({
            orderId: 'o-2',
            side: 'ask',
            yesPriceE4: 3_000,
            countE2: 500,
            feeE6: 0,
            atMs: Date.UTC(2026, 10, 25, 3),
          }),
        ),
        wsCopy(
          exec({
            orderId: 'o-3',
            side: 'ask',
            yesPriceE4: 3_000,
            countE2: 200,
            feeE6: 0,
            atMs: Date.UTC(2026, 10, 25, 6),
          }),
        ),
      ]),
      [],
      [],
    );
    const inputs = {
      folded,
      book: () => ({ bestBidE4: 3_000, bestAskE4: 3_200, isQuotable: true }),
      lastUnrealizedE6: new Map<string, number>(),
      disputed: new Set<string>(),
      balance: { availableE6: 100_000_000, portfolioValueE6: 1_200_000 },
      peakE6: 105_000_000,
      nowMs: Date.UTC(2026, 10, 25, 12),
    };
    const ny = buildView({ ...inputs, timeZone: 'America/New_York' });
    // Today in New York holds only the 06:00 UTC exit: 2 contracts at 0.30 against 0.40 basis.
    expect(ny.today).toEqual({ date: '2026-11-25', realizedE6: -200_000, markedE6: -300_000 });
    const utc = buildView({ ...inputs, timeZone: 'UTC' });
    expect(utc.today.realizedE6).toBe(-70_000 - 500_000 - 200_000);
    expect(utc.equityE6).toBe(100_000_000 + 1_200_000 - 300_000);
    expect(utc.peakE6).toBe(105_000_000);
  });

  it('an unquotable book leaves the position unmarked and uses its last good mark today', () => {
    const folded = foldPortfolio(mergeSources([wsCopy(exec({}))]), [], []);
    const view = buildView({
      folded,
      book: () => null,
      lastUnrealizedE6: new Map([[T, -1_000_000]]),
      disputed: new Set([T]),
      balance: null,
      peakE6: null,
      nowMs: day(13),
      timeZone: 'UTC',
    });
    expect(view.unmarkedTickers).toEqual([T]);
    expect(view.today.markedE6).toBe(-1_000_000);
    expect(view.positions[0]).toMatchObject({ mark: null, isDisputed: true });
    expect(view.equityE6).toBeNull();
  });
});
