/** The dedicated stream worker: the fallback where SharedWorker is missing (one connection per tab). */
import * as Comlink from 'comlink';
import { createWorkerApi } from './worker-api.js';

Comlink.expose(createWorkerApi());
