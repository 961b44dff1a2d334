/**
 * Main-thread side of the stream: attaches this tab to the profile's ONE agent connection and
 * forwards the listener. Three transports, picked by what the browser has:
 * - `shared-worker`: the SharedWorker holds the connection for every tab (Comlink per port);
 * - `leader-lock`: no SharedWorker (Android Chrome): the tab holding the Web Lock runs a dedicated
 *   worker and relays to the others over BroadcastChannel (locks-stream.ts);
 * - `dedicated`: neither; one connection per tab.
 * `?transport=locks` in the page URL forces the fallback (for testing it where SharedWorker exists).
 * Each worker is its own chunk (`new URL(…, import.meta.url)`).
 */
import * as Comlink from 'comlink';
import { startLockedStream } from './locks-stream.js';
import type { LeaderWorker } from './locks-stream.js';
import type { StreamStartOptions, TabListener } from './stream-types.js';
import type { StreamWorkerApi } from './worker-api.js';

export type StreamTransport = 'shared-worker' | 'leader-lock' | 'dedicated';

export interface StreamHandle {
  readonly transport: StreamTransport;
  stop(): void;
  /** The markets this tab shows (their books arrive through `onBook`). */
  setTickers(tickers: readonly string[]): void;
}

export interface TransportSupport {
  readonly hasSharedWorker: boolean;
  readonly hasLocks: boolean;
  readonly hasBroadcastChannel: boolean;
  /** `?transport=` of the page, if any. */
  readonly requested: string | null;
}

export function chooseTransport(support: TransportSupport): StreamTransport {
  const canLead = support.hasLocks && support.hasBroadcastChannel;
  if (support.hasSharedWorker && support.requested !== 'locks') return 'shared-worker';
  return canLead ? 'leader-lock' : 'dedicated';
}

function startDedicatedWorker(): { api: Comlink.Remote<StreamWorkerApi>; worker: Worker } {
  const worker = new Worker(new URL('./stream.worker.ts', import.meta.url), {
    type: 'module',
    name: 'agent-stream',
  });
  return { api: Comlink.wrap<StreamWorkerApi>(worker), worker };
}

function leaderWorker(): LeaderWorker {
  const { api, worker } = startDedicatedWorker();
  return {
    attach: (tabId, options, listener) => void api.attach(tabId, options, Comlink.proxy(listener)),
    setTickers: (tabId, tickers) => void api.setTickers(tabId, [...tickers]),
    serveRelay: (channelName, leaderId) => void api.serveRelay(channelName, leaderId),
    close: () => worker.terminate(),
  };
}

/** The SharedWorker, or a dedicated worker of this tab's own. */
function attachWorker(
  options: StreamStartOptions,
  listener: TabListener,
  tabId: string,
  isShared: boolean,
): { setTickers: (tickers: readonly string[]) => void; stop: () => void } {
  let api: Comlink.Remote<StreamWorkerApi>;
  let close: () => void;
  if (isShared) {
    const worker = new SharedWorker(new URL('./stream.shared-worker.ts', import.meta.url), {
      type: 'module',
      name: 'agent-stream',
    });
    worker.port.start();
    api = Comlink.wrap<StreamWorkerApi>(worker.port);
    close = () => worker.port.close();
  } else {
    const dedicated = startDedicatedWorker();
    api = dedicated.api;
    close = () => dedicated.worker.terminate();
  }
  void api.attach(tabId, options, Comlink.proxy(listener));
  return {
    setTickers: (tickers) => void api.setTickers(tabId, [...tickers]),
    stop: () => void api.detach(tabId).finally(close),
  };
}

export function startStream(options: StreamStartOptions, listener: TabListener): StreamHandle {
  const transport = chooseTransport({
    hasSharedWorker: typeof SharedWorker !== 'undefined',
    hasLocks: typeof navigator.locks?.request === 'function',
    hasBroadcastChannel: typeof BroadcastChannel !== 'undefined',
    requested: new URLSearchParams(location.search).get('transport'),
  });
  const tabId = crypto.randomUUID();
  const inner =
    transport === 'leader-lock'
      ? startLockedStream(options, listener, {
          tabId,
          locks: navigator.locks,
          openChannel: (name) => new BroadcastChannel(name),
          startWorker: leaderWorker,
        })
      : attachWorker(options, listener, tabId, transport === 'shared-worker');
  let isStopped = false;
  const stop = (): void => {
    if (isStopped) return;
    isStopped = true;
    window.removeEventListener('pagehide', stop);
    inner.stop();
  };
  // A closing tab leaves the shared connection; the last one out closes it (or the next leads).
  window.addEventListener('pagehide', stop);
  return {
    transport,
    stop,
    setTickers: (tickers) => {
      if (!isStopped) inner.setTickers(tickers);
    },
  };
}

/** The stream URL of the agent that served this page. */
export function streamUrlFor(origin: string): string {
  return `${origin.replace(/^http/, 'ws')}/v1/stream`;
}
