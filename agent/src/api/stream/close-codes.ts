/**
 * Close codes of the agent's stream (`/v1/stream`). Private codes (4000–4999) mirror an HTTP status
 * in their last three digits where one fits. What the client does next is part of the contract:
 *
 * | code | name                | client action                                                   |
 * | ---- | ------------------- | --------------------------------------------------------------- |
 * | 1001 | GOING_AWAY          | agent stopping: reconnect with backoff                          |
 * | 4205 | ENVIRONMENT_CHANGED | reconnect at once, drop all state, read `environment` in hello  |
 * | 4400 | PROTOCOL_ERROR      | a bug in the client (message out of handshake order): reload    |
 * | 4401 | UNAUTHORIZED        | token missing/bad/revoked/expired, or auth too late: re-pair    |
 * | 4403 | DEVICE_REVOKED      | this device was revoked while connected: re-pair                |
 * | 4408 | HANDSHAKE_TIMEOUT   | authenticated but no `hello` in time: reconnect                 |
 * | 4426 | INCOMPATIBLE        | protocol versions differ (`incompatible` said which): reload    |
 * | 4429 | RATE_LIMITED        | kept sending over the message rate limit: back off, reconnect   |
 * | 4503 | SLOW_CONSUMER       | fell too far behind the stream: reconnect, then `resync`        |
 *
 * A socket that misses two heartbeat pongs is terminated without a close frame (the client sees
 * 1006 and reconnects).
 */
export const StreamCloseCode = {
  GOING_AWAY: 1001,
  ENVIRONMENT_CHANGED: 4205,
  PROTOCOL_ERROR: 4400,
  UNAUTHORIZED: 4401,
  DEVICE_REVOKED: 4403,
  HANDSHAKE_TIMEOUT: 4408,
  INCOMPATIBLE: 4426,
  RATE_LIMITED: 4429,
  SLOW_CONSUMER: 4503,
} as const;
export type StreamCloseCode = (typeof StreamCloseCode)[keyof typeof StreamCloseCode];
