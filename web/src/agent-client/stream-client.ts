/**
 * Main-thread side of the stream: attaches this tab to the shared stream worker (one agent
 * connection for all tabs; a dedicated worker where SharedWorker is missing) and forwards the
 * listener through Comlink. Each worker is its own chunk (`new URL(…, import.meta.url)`).
 */
import * as Comlink from 'comlink';
import type { StreamListener, StreamStartOptions } from './stream-types.js';
import type { StreamWorkerApi } from './worker-api.js';

export interface StreamHandle {
  /** Whether this tab shares the profile's one connection (SharedWorker) or has its own. */
  readonly isShared: boolean;
  stop(): void;
  /** The markets this tab shows (their books arrive through `onBook`). */
  setTickers(tickers: readonly string[]): void;
}

function connectWorker(): { api: Comlink.Remote<StreamWorkerApi>; isShared: boolean; close: () => void } {
  if (typeof SharedWorker !== 'undefined') {
    const worker = new SharedWorker(new URL('./stream.shared-worker.ts', import.meta.url), {
      type: 'module',
      name: 'agent-stream',
    });
    worker.port.start();
    return {
      api: Comlink.wrap<StreamWorkerApi>(worker.port),
      isShared: true,
      close: () => worker.port.close(),
    };
  }
  const worker = new Worker(new URL('./stream.worker.ts', import.meta.url), {
    type: 'module',
    name: 'agent-stream',
  });
  return { api: Comlink.wrap<StreamWorkerApi>(worker), isShared: false, close: () => worker.terminate() };
}

export function startStream(options: StreamStartOptions, listener: StreamListener): StreamHandle {
  const { api, isShared, close } = connectWorker();
  const tabId = crypto.randomUUID();
  void api.attach(tabId, options, Comlink.proxy(listener));
  let isStopped = false;
  const stop = (): void => {
    if (isStopped) return;
    isStopped = true;
    window.removeEventListener('pagehide', stop);
    void api.detach(tabId).finally(close);
  };
  // A closing tab leaves the shared connection; the last one out closes it.
  window.addEventListener('pagehide', stop);
  return {
    isShared,
    stop,
    setTickers: (tickers) => {
      if (!isStopped) void api.setTickers(tabId, [...tickers]);
    },
  };
}

/** The stream URL of the agent that served this page. */
export function streamUrlFor(origin: string): string {
  return `${origin.replace(/^http/, 'ws')}/v1/stream`;
}
