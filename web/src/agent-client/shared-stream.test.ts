/** SharedStream: one session for every tab, late tabs caught up, the last tab out stops it. */
import { describe, expect, it } from 'vitest';
import { BookSnapshotEvent } from '@pt/protocol';
import type { AgentHello, ServerEvent } from '@pt/protocol';
import orderFixture from '../../../protocol/src/fixtures/event-order-updated.json';
import helloFixture from '../../../protocol/src/fixtures/server-hello.json';
import snapshotFixture from '../../../protocol/src/fixtures/event-book-snapshot.json';
import { SharedStream } from './shared-stream.js';
import type { StreamListener, StreamStartOptions, TabListener } from './stream-types.js';

const options = (token: string): StreamStartOptions => ({
  url: 'ws://127.0.0.1:4100/v1/stream',
  token,
  streams: ['orders'],
  clientVersion: 'test',
});

function tab() {
  const seen: string[] = [];
  const listener: TabListener = {
    onStatus: (s) => seen.push(`status:${s.state}`),
    onHello: (h) => seen.push(`hello:${h.environment}`),
    onEvent: (e) => seen.push(`event:${e.seq}`),
    onBook: (b) => seen.push(`book:${b.ticker}:${b.yesBids[0]?.countE2 ?? 0}`),
    onReload: (s) => seen.push(`reload:${s}`),
    onAgentError: (e) => seen.push(`error:${e.code}`),
    onNotifier: (isNotifier) => seen.push(`notifier:${isNotifier}`),
  };
  return { seen, listener };
}

function harness() {
  const sessions: {
    token: string;
    listener: StreamListener;
    isStopped: boolean;
    tickers: readonly string[];
  }[] = [];
  const shared = new SharedStream((opts, listener) => {
    const session = { token: opts.token, listener, isStopped: false, tickers: [] as readonly string[] };
    sessions.push(session);
    return {
      start: () => undefined,
      stop: () => (session.isStopped = true),
      setTickers: (tickers) => (session.tickers = tickers),
    };
  });
  return { shared, sessions };
}

const hello = helloFixture.message as AgentHello;
const event = orderFixture.message as ServerEvent;
const snapshot = BookSnapshotEvent.parse(snapshotFixture.message);

describe('SharedStream', () => {
  it('opens one session for three tabs and fans every report out to all of them', () => {
    const { shared, sessions } = harness();
    const tabs = [tab(), tab(), tab()];
    shared.attach('a', options('t'.repeat(43)), tabs[0]!.listener);
    const session = sessions[0]!;
    session.listener.onStatus({ state: 'open', detail: 'connected', environment: 'sim', retryInMs: null });
    session.listener.onHello(hello);
    session.listener.onReload('orders');
    shared.attach('b', options('t'.repeat(43)), tabs[1]!.listener);
    shared.attach('c', options('t'.repeat(43)), tabs[2]!.listener);
    expect(sessions).toHaveLength(1);
    // Late tabs are caught up: state, hello, and a reload of what the first tab loaded.
    expect(tabs[1]!.seen).toEqual(['status:open', 'hello:sim', 'reload:orders']);
    expect(tabs[0]!.seen[0]).toBe('notifier:true');
    session.listener.onEvent(event);
    for (const t of tabs) expect(t.seen.at(-1)).toBe(`event:${event.seq}`);
    expect(shared.tabCount).toBe(3);
  });

  it('the last tab out stops the session; a new token restarts it', () => {
    const { shared, sessions } = harness();
    const [one, two] = [tab(), tab()];
    shared.attach('a', options('a'.repeat(43)), one.listener);
    shared.attach('b', options('a'.repeat(43)), two.listener);
    shared.detach('a');
    expect(sessions[0]!.isStopped).toBe(false);
    shared.attach('a', options('b'.repeat(43)), one.listener);
    expect(sessions[0]!.isStopped).toBe(true);
    expect(sessions[1]!.token).toBe('b'.repeat(43));
    shared.detach('a');
    shared.detach('b');
    expect(sessions[1]!.isStopped).toBe(true);
    expect(shared.tabCount).toBe(0);
  });

  it('follows the union of the tabs’ markets and hands each tab the rebuilt book', () => {
    const { shared, sessions } = harness();
    const [one, two] = [tab(), tab()];
    shared.attach('a', options('a'.repeat(43)), one.listener);
    shared.attach('b', options('a'.repeat(43)), two.listener);
    const session = sessions[0]!;
    shared.setTickers('a', [snapshot.book.ticker]);
    expect(session.tickers).toEqual([snapshot.book.ticker]);
    session.listener.onEvent(snapshot);
    expect(one.seen.at(-1)).toBe(`book:${snapshot.book.ticker}:${snapshot.book.yesBids[0]?.countE2}`);
    expect(two.seen.filter((s) => s.startsWith('book:'))).toEqual([]);
    // The second tab starts following it: the cached book at once, no new snapshot needed.
    shared.setTickers('b', [snapshot.book.ticker]);
    expect(two.seen.at(-1)).toBe(one.seen.at(-1));
    // A delta is applied here; both tabs get the whole book with the new size.
    const level = snapshot.book.yesBids[0]!;
    session.listener.onEvent({
      type: 'book.delta',
      stream: snapshot.stream,
      seq: snapshot.seq + 1,
      ticker: snapshot.book.ticker,
      changes: [{ leg: 'yes', priceE4: level.priceE4, countE2: 777 as typeof level.countE2 }],
      isQuotable: true,
      asOfMs: snapshot.book.asOfMs + 1,
    });
    expect(one.seen.at(-1)).toBe(`book:${snapshot.book.ticker}:777`);
    expect(two.seen.at(-1)).toBe(`book:${snapshot.book.ticker}:777`);
    // Nobody follows it any more: unsubscribed.
    shared.setTickers('a', []);
    shared.detach('b');
    expect(session.tickers).toEqual([]);
  });

  it('names exactly one tab notifier, and the oldest left when it goes', () => {
    const { shared } = harness();
    const tabs = [tab(), tab(), tab()];
    shared.attach('a', options('t'.repeat(43)), tabs[0]!.listener);
    shared.attach('b', options('t'.repeat(43)), tabs[1]!.listener);
    shared.attach('c', options('t'.repeat(43)), tabs[2]!.listener);
    const roles = () => tabs.map((t) => t.seen.filter((s) => s.startsWith('notifier:')));
    expect(roles()).toEqual([['notifier:true'], [], []]);
    // The same tab attaching again keeps the role (no second word of it).
    shared.attach('a', options('t'.repeat(43)), tabs[0]!.listener);
    expect(roles()).toEqual([['notifier:true'], [], []]);
    shared.detach('a');
    expect(roles()).toEqual([['notifier:true'], ['notifier:true'], []]);
    shared.detach('c');
    expect(roles()).toEqual([['notifier:true'], ['notifier:true'], []]);
  });
});
