/** SharedStream: one session for every tab, late tabs caught up, the last tab out stops it. */
import { describe, expect, it } from 'vitest';
import type { AgentHello, ServerEvent } from '@pt/protocol';
import orderFixture from '../../../protocol/src/fixtures/event-order-updated.json';
import helloFixture from '../../../protocol/src/fixtures/server-hello.json';
import { SharedStream } from './shared-stream.js';
import type { StreamListener, StreamStartOptions } from './stream-types.js';

const options = (token: string): StreamStartOptions => ({
  url: 'ws://127.0.0.1:4100/v1/stream',
  token,
  streams: ['orders'],
  clientVersion: 'test',
});

function tab() {
  const seen: string[] = [];
  const listener: StreamListener = {
    onStatus: (s) => seen.push(`status:${s.state}`),
    onHello: (h) => seen.push(`hello:${h.environment}`),
    onEvent: (e) => seen.push(`event:${e.seq}`),
    onReload: (s) => seen.push(`reload:${s}`),
    onAgentError: (e) => seen.push(`error:${e.code}`),
  };
  return { seen, listener };
}

function harness() {
  const sessions: { token: string; listener: StreamListener; isStopped: boolean }[] = [];
  const shared = new SharedStream((opts, listener) => {
    const session = { token: opts.token, listener, isStopped: false };
    sessions.push(session);
    return { start: () => undefined, stop: () => (session.isStopped = true) };
  });
  return { shared, sessions };
}

const hello = helloFixture.message as AgentHello;
const event = orderFixture.message as ServerEvent;

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
});
