/**
 * @module
 * The only code that talks to the agent: REST (rest.ts), the stream (a Comlink worker running
 * StreamSession: a SharedWorker, or a Web Locks leader tab relaying to the others) and the paired
 * token (IndexedDB). Features import from here, nothing deeper.
 */
export { createRestClient } from './rest.js';
export type { RestClient, RestClientOptions, ActivityFilter } from './rest.js';
export { AgentRequestError, denialOf } from './errors.js';
export type { ClientError, ClientErrorCode, CommandResult } from './errors.js';
export { chooseTransport, startStream, streamUrlFor } from './stream-client.js';
export type { StreamHandle, StreamTransport } from './stream-client.js';
export type {
  ConnectionState,
  ConnectionStatus,
  StreamListener,
  StreamStartOptions,
  TabListener,
} from './stream-types.js';
export { createTokenStore } from './token-store.js';
export type { StoredPairing, TokenStore } from './token-store.js';
