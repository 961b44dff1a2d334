/**
 * The shared stream worker: one per browser profile and origin, so every tab shares ONE agent
 * connection. Each tab's port gets the same API (and the same SharedStream) through Comlink.
 */
import * as Comlink from 'comlink';
import { createWorkerApi } from './worker-api.js';

const api = createWorkerApi();

// Typed loosely on purpose: the DOM lib has no SharedWorkerGlobalScope.
self.addEventListener('connect', (event) => {
  const port = (event as MessageEvent).ports[0];
  if (port !== undefined) Comlink.expose(api, port);
});
