/**
 * Known answer on REAL recorded data: the KXHIGHNY-25DEC27-B33.5 top-of-book log
 * (../shared/data/kalshi-weather/market_data_KXHIGHNY-25DEC27.csv, see its PROVENANCE.md), the
 * first seven rows from 2025-12-26T14:21:59.419 (timestamps taken as UTC, as the provenance
 * says; the file has microseconds, Date keeps milliseconds). Worked by hand with windowSize 5, no sampling interval, zThreshold 2.5, minVolE4 50:
 *
 *   yes bid / yes ask (cents)   42/44 42/46 42/48 42/49 42/51 | 42/56 | 42/57
 *   mid E4                      4300  4400  4500  4550  4650  | 4900  | 4950
 *   window diffs 100 100 50 100: mean 87.5, population sd 21.65 → floored to 50
 *   z = (4900 − 4650) / 50 = 5.0 ≥ 2.5 and 4900 > band high 4650 → breakout UP at row 6
 *   spread 5600 − 4200 = 1400 E4 > maxSpreadE4 1000 → not traded (spread_too_wide)
 *   with maxSpreadE4 1500 → buy at the ask 5600, $3 / $0.03 = 100 contracts capped at 10;
 *   filled, row 7's bid 4200 is 1400 below the entry ≥ stop 300 → reduce-only sell 10 at 4200.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/strategies/core/replay.js';
import { book, fill } from '../../src/strategies/core/test-events.js';
import type { StrategyEvent } from '../../src/strategies/core/types.js';
import { HypeFadeConfig } from '../../src/strategies/hype-fade/config.js';
import { hypeFade } from '../../src/strategies/hype-fade/strategy.js';
import { VolatilityRiderConfig } from '../../src/strategies/volatility-rider/config.js';
import { volatilityRider } from '../../src/strategies/volatility-rider/strategy.js';

const FILE = fileURLToPath(
  new URL('../../../../shared/data/kalshi-weather/market_data_KXHIGHNY-25DEC27.csv', import.meta.url),
);
const TICKER = 'KXHIGHNY-25DEC27-B33.5';

function slice(): StrategyEvent[] {
  const from = Date.parse('2025-12-26T14:21:59.419Z');
  return readFileSync(FILE, 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((cols) => cols[1] === TICKER)
    .map((cols) => ({ atMs: Date.parse(`${cols[0]}Z`), bid: Number(cols[2]), ask: Number(cols[5]) }))
    .filter((row) => row.atMs >= from)
    .slice(0, 7)
    .map((row) => book(TICKER, row.atMs, row.bid * 100, row.ask * 100));
}

// The market closes at the end of its event day (27 Dec, New York), far after the slice.
const ctx = { closeTimeMs: Date.parse('2025-12-28T04:59:00Z') };
const config = VolatilityRiderConfig.parse({ tickers: [TICKER], windowSize: 5, sampleIntervalMs: 0 });

describe('volatility rider on a real recorded slice', () => {
  it('reads the seven rows the hand calculation uses', () => {
    const mids = slice().map((e) => (e.type === 'book' ? ((e.bestBidE4 ?? 0) + (e.bestAskE4 ?? 0)) / 2 : 0));
    expect(mids).toEqual([4300, 4400, 4500, 4550, 4650, 4900, 4950]);
  });

  it('sees the breakout up at row 6 and refuses it for the spread', () => {
    const { decisions } = replay(volatilityRider, config, TICKER, slice(), ctx);
    expect(decisions).toHaveLength(1);
    expect(decisions[0]?.decision).toMatchObject({
      kind: 'not_traded',
      reason: 'spread_too_wide',
      inputs: { midE4: 4900, z: 5, bandHighE4: 4650 },
    });
  });

  it('with a wider spread allowed, buys 10 at 5600, then stops out at 4200', () => {
    const events = slice();
    const wide = { ...config, maxSpreadE4: 1500 };
    const entry = replay(volatilityRider, wide, TICKER, events.slice(0, 6), ctx).decisions;
    expect(entry[0]?.decision).toMatchObject({ kind: 'intent', side: 'bid', priceE4: 5600, countE2: 1000 });
    const filledAt = (events[5]?.atMs ?? 0) + 1;
    const withFill = [...events.slice(0, 6), fill(TICKER, filledAt, 'bid', 5600, 1000), ...events.slice(6)];
    const all = replay(volatilityRider, wide, TICKER, withFill, ctx).decisions;
    expect(all[1]?.decision).toMatchObject({
      kind: 'intent',
      side: 'ask',
      priceE4: 4200,
      countE2: 1000,
      isReduceOnly: true,
      inputs: { barrier: 'stop_loss' },
    });
  });
});

/**
 * Hype-Fade on the same seven real rows, with one sentiment reading (a test input: fresh, positive,
 * confident) for the topic before them. Moves against the oldest mid in the 5 min window:
 * 4400−4300 = 100, 200, 250, 350 (all < minMoveE4 500), then 4900−4300 = 600 ≥ 500 at row 6, up,
 * and the sentiment (+0.6) pushes the same way → fade it: sell at the bid 4200, 10 contracts —
 * refused first for the spread (1400 > 1000), sent with maxSpreadE4 1500.
 */
describe('hype fade on a real recorded slice', () => {
  const hype = { effective: 0.6, confidence: 0.8, ageMs: 30_000, isStale: false };
  const events = (): StrategyEvent[] => {
    const rows = slice();
    const first = rows[0]?.atMs ?? 0;
    return [
      { type: 'sentiment', atMs: first, topic: 'weather', reading: hype, isKillSwitchEngaged: false },
      ...rows,
    ];
  };
  const config = HypeFadeConfig.parse({ markets: [{ ticker: TICKER, topic: 'weather' }] });

  it('sees the 600 E4 spike at row 6 and refuses it for the spread', () => {
    const { decisions } = replay(hypeFade, config, TICKER, events(), ctx);
    expect(decisions).toHaveLength(1);
    expect(decisions[0]?.decision).toMatchObject({
      kind: 'not_traded',
      reason: 'spread_too_wide',
      inputs: { moveE4: 600, midE4: 4900 },
    });
  });

  it('with a wider spread allowed, sells 10 at the bid 4200', () => {
    const { decisions } = replay(hypeFade, { ...config, maxSpreadE4: 1500 }, TICKER, events(), ctx);
    expect(decisions.map((d) => d.decision)).toMatchObject([
      {
        kind: 'intent',
        side: 'ask',
        priceE4: 4200,
        countE2: 1000,
        isReduceOnly: false,
        inputs: { moveE4: 600 },
      },
    ]);
  });
});
