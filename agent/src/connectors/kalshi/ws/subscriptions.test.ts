import { describe, expect, it } from 'vitest';
import { MarketTicker } from '@pt/protocol';
import { Subscriptions, type WsCommand } from './subscriptions.js';

/** Commands without their (sequential) ids, for comparison. */
function withoutIds(commands: readonly WsCommand[]): Omit<WsCommand, 'id'>[] {
  return commands.map(({ id: _id, ...rest }) => rest);
}
import { STREAM_CHANNELS } from './types.js';

const A = MarketTicker.parse('KXHIGHNY-26JAN01-T37');
const B = MarketTicker.parse('KXFEDMENTION-26MAR-YIEL');

function setup(): { subs: Subscriptions; sent: WsCommand[] } {
  const sent: WsCommand[] = [];
  return { subs: new Subscriptions(STREAM_CHANNELS, (c) => sent.push(c)), sent };
}

describe('Subscriptions', () => {
  it('subscribes account and lifecycle channels at once, market channels only with markets', () => {
    const { subs, sent } = setup();
    const ids = subs.syncAll();
    expect(sent.map((c) => c.params['channels'])).toEqual([
      ['fill'],
      ['user_orders'],
      ['market_positions'],
      ['market_lifecycle_v2'],
    ]);
    expect(ids).toEqual(sent.map((c) => c.id));
    expect(sent.every((c) => c.params['market_tickers'] === undefined)).toBe(true);
  });

  it('pins use_yes_price=false on orderbook_delta and sends one subscribe per market channel', () => {
    const { subs, sent } = setup();
    subs.wanted.add(A);
    subs.syncAll();
    const book = sent.find((c) => JSON.stringify(c.params['channels']) === '["orderbook_delta"]');
    expect(book?.params).toEqual({
      channels: ['orderbook_delta'],
      market_tickers: [A],
      use_yes_price: false,
    });
    expect(sent.filter((c) => c.cmd === 'subscribe')).toHaveLength(7);
    expect(new Set(sent.map((c) => c.id)).size).toBe(7);
  });

  it('adds and deletes markets with update_subscription once the sid is known', () => {
    const { subs, sent } = setup();
    subs.wanted.add(A);
    subs.syncAll();
    const bookCmd = sent.find((c) => JSON.stringify(c.params['channels']) === '["orderbook_delta"]');
    // a market wanted while the subscribe is in flight waits for the answer
    subs.wanted.add(B);
    sent.length = 0;
    expect(subs.sync('orderbook_delta')).toEqual([]);
    expect(sent).toEqual([]);
    expect(subs.onSubscribed(bookCmd?.id, 41)).toBe('orderbook_delta');
    subs.sync('orderbook_delta');
    expect(withoutIds(sent)).toEqual([
      {
        cmd: 'update_subscription',
        params: { sids: [41], market_tickers: [B], action: 'add_markets' },
      },
    ]);
    sent.length = 0;
    subs.wanted.delete(A);
    subs.sync('orderbook_delta');
    expect(sent[0]?.params).toEqual({ sids: [41], market_tickers: [A], action: 'delete_markets' });
    expect(subs.tickersOf('orderbook_delta')).toEqual([B]);
  });

  it('unsubscribes a market channel when no market is left (an empty list could mean "all")', () => {
    const { subs, sent } = setup();
    subs.wanted.add(A);
    subs.syncAll();
    const tickerCmd = sent.find((c) => JSON.stringify(c.params['channels']) === '["ticker"]');
    subs.onSubscribed(tickerCmd?.id, 7);
    sent.length = 0;
    subs.wanted.delete(A);
    subs.sync('ticker');
    expect(withoutIds(sent)).toEqual([{ cmd: 'unsubscribe', params: { sids: [7] } }]);
    expect(subs.sidOf('ticker')).toBeNull();
  });

  it('a dropped sid (terminal error) is re-subscribed by the next sync; get_snapshot targets the book sid', () => {
    const { subs, sent } = setup();
    subs.wanted.add(A);
    subs.syncAll();
    const bookCmd = sent.find((c) => JSON.stringify(c.params['channels']) === '["orderbook_delta"]');
    subs.onSubscribed(bookCmd?.id, 3);
    sent.length = 0;
    const id = subs.requestSnapshots([A]);
    expect(sent[0]).toEqual({
      id,
      cmd: 'update_subscription',
      params: { sids: [3], market_tickers: [A], action: 'get_snapshot' },
    });
    expect(subs.dropSid(3)).toBe('orderbook_delta');
    expect(subs.channelOf(3)).toBeUndefined();
    sent.length = 0;
    subs.sync('orderbook_delta');
    expect(sent[0]?.cmd).toBe('subscribe');
    expect(sent[0]?.params['market_tickers']).toEqual([A]);
  });
});
