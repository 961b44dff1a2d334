/**
 * Main-thread side of the stream: starts the worker (its own chunk, via `new URL(…, import.meta.url)`)
 * and forwards the listener through Comlink. The app calls startStream once per page.
 */
import * as Comlink from 'comlink';
import type { StreamWorkerApi } from './stream.worker.js';
import type { StreamListener, StreamStartOptions } from './stream-types.js';

export interface StreamHandle {
  stop(): void;
}

export function startStream(options: StreamStartOptions, listener: StreamListener): StreamHandle {
  const worker = new Worker(new URL('./stream.worker.ts', import.meta.url), {
    type: 'module',
    name: 'agent-stream',
  });
  const api = Comlink.wrap<StreamWorkerApi>(worker);
  void api.start(options, Comlink.proxy(listener));
  return {
    stop: () => {
      void api.stop().finally(() => worker.terminate());
    },
  };
}

/** The stream URL of the agent that served this page. */
export function streamUrlFor(origin: string): string {
  return `${origin.replace(/^http/, 'ws')}/v1/stream`;
}
