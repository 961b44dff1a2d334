/**
 * The leader's side of the relay (runs in the leader tab's stream worker): follower tabs attach to
 * the one SharedStream over the BroadcastChannel exactly as SharedWorker ports would, and each
 * follower's reports go back on the channel addressed to it.
 */
import { parseRelayMessage } from './relay-protocol.js';
import type { RelayChannel, RelayReport } from './relay-protocol.js';
import type { StreamStartOptions, TabListener } from './stream-types.js';

/** The part of SharedStream the relay drives. */
export interface RelayHub {
  attach(tabId: string, options: StreamStartOptions, listener: TabListener): void;
  detach(tabId: string): void;
  setTickers(tabId: string, tickers: readonly string[]): void;
}

function reportTo(channel: RelayChannel, to: string): TabListener {
  const send = (report: RelayReport): void => channel.postMessage({ kind: 'report', to, report });
  return {
    onStatus: (status) => send({ type: 'status', status }),
    onHello: (hello) => send({ type: 'hello', hello }),
    onEvent: (event) => send({ type: 'event', event }),
    onBook: (book) => send({ type: 'book', book }),
    onReload: (stream) => send({ type: 'reload', stream }),
    onAgentError: (error) => send({ type: 'agentError', error }),
    onNotifier: (isNotifier) => send({ type: 'notifier', isNotifier }),
  };
}

/**
 * Serves followers on `channel` until the returned function is called; announces this leader
 * first, so followers that were waiting (or served by a leader that died) attach again.
 */
export function serveRelay(channel: RelayChannel, hub: RelayHub, leaderId: string): () => void {
  const followers = new Set<string>();
  const onMessage = (event: MessageEvent): void => {
    const message = parseRelayMessage(event.data);
    if (message === null) return;
    switch (message.kind) {
      case 'attach':
        followers.add(message.from);
        hub.attach(message.from, message.options, reportTo(channel, message.from));
        hub.setTickers(message.from, message.tickers);
        // Tells a follower that started after the announcement which leader serves it.
        channel.postMessage({ kind: 'leader', leaderId, welcomed: message.from });
        return;
      case 'tickers':
        if (followers.has(message.from)) hub.setTickers(message.from, message.tickers);
        return;
      case 'detach':
        if (followers.delete(message.from)) hub.detach(message.from);
        return;
      case 'leader':
      case 'leader-gone':
      case 'report':
        // Another leader's traffic (or our own reports echoed to other tabs): not for us.
        return;
    }
  };
  channel.addEventListener('message', onMessage);
  channel.postMessage({ kind: 'leader', leaderId });
  return () => {
    channel.removeEventListener('message', onMessage);
    for (const id of followers) hub.detach(id);
    followers.clear();
  };
}
