/**
 * @module
 * The agent's WS stream (`/v1/stream`): `createStreamServer` (the upgrade handler for
 * `startServer`), the `StreamHub` producers publish through, and the documented close codes.
 */
export { createStreamServer } from './stream-server.js';
export type { StreamServer, StreamServerDeps } from './stream-server.js';
export { StreamHub } from './hub.js';
export type { StreamHubOptions, StreamSink, UnsequencedEvent, ReplayResult } from './hub.js';
export { StreamCloseCode } from './close-codes.js';
export { STREAM_PATH } from './upgrade-checks.js';
