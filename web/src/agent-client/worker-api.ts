/**
 * The API both stream workers expose through Comlink (the SharedWorker where the browser has one,
 * a dedicated worker otherwise): tabs attach and detach by id; one SharedStream owns the socket,
 * parsing every frame here, off the main thread. Without a SharedWorker, the leader tab's dedicated
 * worker also serves the follower tabs over a BroadcastChannel (serveRelay).
 */
import { parseInbound } from './inbound.js';
import { serveRelay } from './relay-server.js';
import { SharedStream } from './shared-stream.js';
import { StreamSession } from './stream-session.js';
import type { OpenSocket } from './stream-session.js';
import type { StreamStartOptions, TabListener } from './stream-types.js';

const openBrowserSocket: OpenSocket = (url, handlers) => {
  const ws = new WebSocket(url);
  ws.addEventListener('open', () => handlers.onOpen());
  ws.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (typeof event.data === 'string') handlers.onMessage(event.data);
  });
  ws.addEventListener('close', (event) => handlers.onClose(event.code, event.reason));
  return ws;
};

export function createWorkerApi() {
  const shared = new SharedStream(
    (options, listener) =>
      new StreamSession(options, { openSocket: openBrowserSocket, parse: parseInbound, listener }),
  );
  return {
    attach(tabId: string, options: StreamStartOptions, listener: TabListener): void {
      shared.attach(tabId, options, listener);
    },
    detach(tabId: string): void {
      shared.detach(tabId);
    },
    setTickers(tabId: string, tickers: readonly string[]): void {
      shared.setTickers(tabId, tickers);
    },
    /** Serves follower tabs on the BroadcastChannel `channelName` (the Web Locks leader's worker). */
    serveRelay(channelName: string, leaderId: string): void {
      serveRelay(new BroadcastChannel(channelName), shared, leaderId);
    },
    /** How many tabs share this connection (diagnostics). */
    tabCount(): number {
      return shared.tabCount;
    },
  };
}

export type StreamWorkerApi = ReturnType<typeof createWorkerApi>;
