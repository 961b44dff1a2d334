/**
 * The stream worker: owns the WebSocket to the agent and parses every inbound frame off the main
 * thread (parseInbound), handing the app only typed, in-order updates through Comlink.
 */
import * as Comlink from 'comlink';
import { parseInbound } from './inbound.js';
import { StreamSession } from './stream-session.js';
import type { OpenSocket } from './stream-session.js';
import type { StreamListener, StreamStartOptions } from './stream-types.js';

const openBrowserSocket: OpenSocket = (url, handlers) => {
  const ws = new WebSocket(url);
  ws.addEventListener('open', () => handlers.onOpen());
  ws.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (typeof event.data === 'string') handlers.onMessage(event.data);
  });
  ws.addEventListener('close', (event) => handlers.onClose(event.code, event.reason));
  return ws;
};

let session: StreamSession | null = null;

const api = {
  start(options: StreamStartOptions, listener: StreamListener): void {
    session?.stop();
    session = new StreamSession(options, { openSocket: openBrowserSocket, parse: parseInbound, listener });
    session.start();
  },
  stop(): void {
    session?.stop();
    session = null;
  },
};

export type StreamWorkerApi = typeof api;

Comlink.expose(api);
