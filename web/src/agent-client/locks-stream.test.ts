/**
 * The no-SharedWorker fallback end to end in one process: three tabs on real BroadcastChannels
 * (Node 20's), the Web Locks semantics from test-locks.ts, each "worker" a real SharedStream and
 * relay server over a fake agent session. One session for all tabs; reports reach every tab; when
 * the leader tab stops, the next takes over with a new session and the others show stale, then
 * fresh books.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BookSnapshotEvent } from '@pt/protocol';
import type { OrderBook, ServerEvent } from '@pt/protocol';
import orderFixture from '../../../protocol/src/fixtures/event-order-updated.json';
import snapshotFixture from '../../../protocol/src/fixtures/event-book-snapshot.json';
import { startLockedStream } from './locks-stream.js';
import type { LeaderWorker, LockedStream } from './locks-stream.js';
import type { RelayChannel } from './relay-protocol.js';
import { serveRelay } from './relay-server.js';
import { SharedStream } from './shared-stream.js';
import type { StreamListener, StreamStartOptions, TabListener } from './stream-types.js';
import { createMemoryLocks } from './test-locks.js';

const options: StreamStartOptions = {
  url: 'ws://127.0.0.1:4100/v1/stream',
  token: 't'.repeat(43),
  streams: ['orders'],
  clientVersion: 'test',
};
const snapshot = BookSnapshotEvent.parse(snapshotFixture.message);
const TICKER = snapshot.book.ticker;
const orderEvent = orderFixture.message as ServerEvent;

interface FakeSession {
  readonly leaderId: string;
  readonly listener: StreamListener;
  isStopped: boolean;
  tickers: readonly string[];
}

const channels: RelayChannel[] = [];
const streams: LockedStream[] = [];
afterEach(() => {
  for (const stream of streams.splice(0)) stream.stop();
  for (const channel of channels.splice(0)) channel.close();
});

function openChannel(name: string): RelayChannel {
  const channel = new BroadcastChannel(name) as unknown as RelayChannel;
  channels.push(channel);
  return channel;
}

function tabRecorder() {
  const statuses: string[] = [];
  const books: OrderBook[] = [];
  const events: ServerEvent[] = [];
  const roles: boolean[] = [];
  const listener: TabListener = {
    onStatus: (s) => statuses.push(s.state),
    onHello: () => undefined,
    onEvent: (e) => events.push(e),
    onBook: (b) => books.push(b),
    onReload: () => undefined,
    onAgentError: () => undefined,
    onNotifier: (isNotifier) => roles.push(isNotifier),
  };
  return { statuses, books, events, roles, listener };
}

function harness() {
  const locks = createMemoryLocks();
  const sessions: FakeSession[] = [];
  const startWorker = (): LeaderWorker => {
    let stopRelay: () => void = () => undefined;
    let leaderId = '';
    const shared = new SharedStream((_opts, listener) => {
      const session: FakeSession = { leaderId, listener, isStopped: false, tickers: [] };
      sessions.push(session);
      return {
        start: () =>
          listener.onStatus({ state: 'open', detail: 'connected', environment: 'sim', retryInMs: null }),
        stop: () => (session.isStopped = true),
        setTickers: (tickers) => (session.tickers = tickers),
      };
    });
    return {
      attach: (tabId, opts, listener) => {
        leaderId = tabId;
        shared.attach(tabId, opts, listener);
      },
      setTickers: (tabId, tickers) => shared.setTickers(tabId, tickers),
      serveRelay: (name, id) => (stopRelay = serveRelay(openChannel(name), shared, id)),
      close: () => {
        stopRelay();
        for (const session of sessions) if (session.leaderId === leaderId) session.isStopped = true;
      },
    };
  };
  const open = (tabId: string) => {
    const tab = tabRecorder();
    const stream = startLockedStream(options, tab.listener, { tabId, locks, openChannel, startWorker });
    streams.push(stream);
    stream.setTickers([TICKER]);
    return { ...tab, stream };
  };
  const live = () => sessions.filter((s) => !s.isStopped);
  return { open, sessions, live };
}

describe('startLockedStream (Web Locks leader + BroadcastChannel relay)', () => {
  it('three tabs: one leader, one agent session, every tab gets the events and its books', async () => {
    const { open, sessions, live } = harness();
    const tabs = [open('tab-a'), open('tab-b'), open('tab-c')];
    await vi.waitFor(() => expect(sessions).toHaveLength(1));
    expect(tabs.map((t) => t.stream.isLeader)).toEqual([true, false, false]);
    // The followers attach through the relay (the leader catches them up) and follow the market.
    for (const tab of tabs) await vi.waitFor(() => expect(tab.statuses).toContain('open'));
    await vi.waitFor(() => expect(live()[0]!.tickers).toEqual([TICKER]));
    live()[0]!.listener.onEvent(snapshot);
    live()[0]!.listener.onEvent(orderEvent);
    for (const tab of tabs) {
      await vi.waitFor(() => expect(tab.events).toHaveLength(1));
      await vi.waitFor(() => expect(tab.books.at(-1)?.ticker).toBe(TICKER));
      expect(tab.statuses).toContain('open');
    }
    // Exactly one tab notifies: the leader (attached first).
    expect(tabs.map((t) => t.roles)).toEqual([[true], [], []]);
  });

  it('the leader leaves: the next tab leads with a new session; the rest show stale, then fresh books', async () => {
    const { open, sessions, live } = harness();
    const tabs = [open('tab-a'), open('tab-b'), open('tab-c')];
    for (const tab of tabs) await vi.waitFor(() => expect(tab.statuses).toContain('open'));
    live()[0]!.listener.onEvent(snapshot);
    await vi.waitFor(() => expect(tabs[2]!.books).toHaveLength(1));

    tabs[0]!.stream.stop();
    await vi.waitFor(() => expect(sessions).toHaveLength(2));
    expect(sessions[0]!.isStopped).toBe(true);
    expect(live()).toHaveLength(1);
    expect(tabs.map((t) => t.stream.isLeader)).toEqual([false, true, false]);
    // The follower was told at once: disconnected, its book no longer quotable.
    await vi.waitFor(() => expect(tabs[2]!.statuses).toContain('disconnected'));
    expect(tabs[2]!.books.at(-1)?.isQuotable).toBe(false);
    // The new leader's session resyncs with a snapshot; the follower attached again and follows.
    await vi.waitFor(() => expect(live()[0]!.tickers).toEqual([TICKER]));
    live()[0]!.listener.onEvent(snapshot);
    await vi.waitFor(() => expect(tabs[2]!.books.at(-1)?.isQuotable).toBe(true));
    expect(tabs[2]!.statuses.at(-1)).toBe('open');
    // The new leader notifies now, and only it.
    await vi.waitFor(() => expect(tabs[1]!.roles.at(-1)).toBe(true));
    expect(tabs[2]!.roles.filter(Boolean)).toEqual([]);
  });
});
