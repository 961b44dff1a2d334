/**
 * A follower tab on a real BroadcastChannel (Node 20's), the leader played by the test: reports
 * addressed to other tabs are not delivered; a leader that vanishes without a goodbye (its tab
 * crashed) is noticed when the next one announces itself: the books show stale, the tab asks the
 * new leader to attach it, and stops notifying until told again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BookSnapshotEvent } from '@pt/protocol';
import type { OrderBook } from '@pt/protocol';
import snapshotFixture from '../../../protocol/src/fixtures/event-book-snapshot.json';
import { RelayFollower } from './relay-follower.js';
import { RELAY_CHANNEL } from './relay-protocol.js';
import type { TabListener } from './stream-types.js';

const book = BookSnapshotEvent.parse(snapshotFixture.message).book;
const options = {
  url: 'ws://127.0.0.1:4100/v1/stream',
  token: 't'.repeat(43),
  streams: ['orders' as const],
  clientVersion: 'test',
};

const opened: BroadcastChannel[] = [];
afterEach(() => {
  for (const channel of opened.splice(0)) channel.close();
});

function channel(): BroadcastChannel {
  const next = new BroadcastChannel(RELAY_CHANNEL);
  opened.push(next);
  return next;
}

describe('RelayFollower', () => {
  it('takes only its own reports; a leader gone without a goodbye leaves its books stale until resynced', async () => {
    const leader = channel();
    const heard: { kind: string; from?: string }[] = [];
    leader.onmessage = (event: MessageEvent<{ kind: string; from?: string }>) => heard.push(event.data);
    const books: OrderBook[] = [];
    const states: string[] = [];
    const roles: boolean[] = [];
    const listener: TabListener = {
      onStatus: (s) => states.push(s.state),
      onHello: () => undefined,
      onEvent: () => undefined,
      onBook: (b) => books.push(b),
      onReload: () => undefined,
      onAgentError: () => undefined,
      onNotifier: (isNotifier) => roles.push(isNotifier),
    };
    const follower = new RelayFollower(channel(), 'tab-b', options, listener);
    follower.setTickers([book.ticker]);
    follower.start();
    await vi.waitFor(() => expect(heard.map((m) => m.kind)).toEqual(['attach']));

    leader.postMessage({ kind: 'leader', leaderId: 'tab-a', welcomed: 'tab-b' });
    leader.postMessage({ kind: 'report', to: 'tab-c', report: { type: 'book', book } });
    leader.postMessage({ kind: 'report', to: 'tab-b', report: { type: 'notifier', isNotifier: true } });
    leader.postMessage({ kind: 'report', to: 'tab-b', report: { type: 'book', book } });
    await vi.waitFor(() => expect(books).toHaveLength(1));
    expect(roles).toEqual([true]);
    // Welcomed: no second request.
    expect(heard.map((m) => m.kind)).toEqual(['attach']);

    // tab-a crashed: no goodbye; tab-d announces itself as the new leader.
    leader.postMessage({ kind: 'leader', leaderId: 'tab-d' });
    await vi.waitFor(() => expect(heard.map((m) => m.kind)).toEqual(['attach', 'attach']));
    expect(states).toEqual(['disconnected']);
    expect(books.at(-1)).toEqual({ ...book, isQuotable: false });
    expect(roles).toEqual([true, false]);

    follower.stop();
    await vi.waitFor(() => expect(heard.at(-1)).toEqual({ kind: 'detach', from: 'tab-b' }));
  });
});
