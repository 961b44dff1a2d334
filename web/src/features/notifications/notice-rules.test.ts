/** Which events notify, in what words: fills, trading state moves, Flatten All results. */
import { describe, expect, it } from 'vitest';
import { ServerEvent } from '@pt/protocol';
import type { ActivityAppendedEvent, FlattenProgressedEvent, TradingStateChangedEvent } from '@pt/protocol';
import activityFixture from '../../../../protocol/src/fixtures/event-activity-appended.json';
import flattenFixture from '../../../../protocol/src/fixtures/event-flatten-progressed.json';
import tradingFixture from '../../../../protocol/src/fixtures/event-trading-state-changed.json';
import { noticeFor } from './notice-rules.js';

const activity = ServerEvent.parse(activityFixture.message) as ActivityAppendedEvent;
const trading = ServerEvent.parse(tradingFixture.message) as TradingStateChangedEvent;
const flatten = ServerEvent.parse(flattenFixture.message) as FlattenProgressedEvent;

const fill: ActivityAppendedEvent = {
  ...activity,
  activity: {
    ...activity.activity,
    id: 'ledger-2001',
    kind: 'fill',
    notTradedReason: null,
    message: 'Bought 1.00 YES on KXHIGHNY-25NOV25-B58.5 at $0.4500 (fee $0.02).',
  },
};

function withMode(mode: 'active' | 'halted' | 'reducing'): TradingStateChangedEvent {
  return { ...trading, tradingState: { ...trading.tradingState, mode, reason: `now ${mode}` } };
}

describe('noticeFor', () => {
  it('an own fill: its market and the agent’s words, tagged by the activity id', () => {
    expect(noticeFor(fill, 'active')).toEqual({
      tag: 'fill:ledger-2001',
      title: 'Fill · KXHIGHNY-25NOV25-B58.5',
      body: 'Bought 1.00 YES on KXHIGHNY-25NOV25-B58.5 at $0.4500 (fee $0.02).',
    });
    // Other activity (a signal not traded) is the feed's business, not a notification.
    expect(noticeFor(activity, 'active')).toBeNull();
  });

  it('trading halted, reducing and back to active, with the reason; no notice when the mode stays', () => {
    expect(noticeFor(withMode('halted'), 'active')).toMatchObject({
      title: 'Trading HALTED',
      body: 'now halted',
    });
    expect(noticeFor(withMode('halted'), null)?.title).toBe('Trading HALTED');
    expect(noticeFor(withMode('reducing'), 'active')?.title).toBe('Trading REDUCING');
    expect(noticeFor(withMode('active'), 'halted')).toMatchObject({ title: 'Trading ACTIVE again' });
    expect(noticeFor(withMode('halted'), 'halted')).toBeNull();
    // The first state heard, when it is ACTIVE, is no news.
    expect(noticeFor(withMode('active'), null)).toBeNull();
  });

  it('Flatten All: nothing while running; the result once finished, or why it failed', () => {
    expect(noticeFor(flatten, 'halted')).toBeNull();
    const market = flatten.report.markets[0]!;
    const finished: FlattenProgressedEvent = {
      ...flatten,
      report: {
        ...flatten.report,
        status: 'finished',
        finishedAtMs: flatten.report.startedAtMs + 900,
        positionsAfter: 0,
        markets: [{ ...market, status: 'flattened', positionAfterE2: 0 as typeof market.positionAfterE2 }],
      },
    };
    expect(noticeFor(finished, 'halted')).toEqual({
      tag: `flatten:${flatten.report.flattenId}`,
      title: 'Flatten All finished',
      body: 'Flat: 1 position(s) closed; trading halted.',
    });
    const failed = { ...finished, report: { ...finished.report, failure: 'venue unreachable' } };
    expect(noticeFor(failed, 'halted')).toMatchObject({
      title: 'Flatten All failed',
      body: 'Could not run: venue unreachable',
    });
  });
});
