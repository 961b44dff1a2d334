/**
 * The agent's WS stream at `/v1/stream`: upgrade checks, the sockets, heartbeats, revocation and
 * the closes the rest of the agent needs (environment switch, shutdown). Hand it to `startServer`
 * as its upgrade handler; producers publish through the `StreamHub`.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { TradingEnvironment } from '@pt/protocol';
import type { DeviceRevocations, TokenVerifier } from '../../auth/types.js';
import type { RequestGuard } from '../guard/types.js';
import type { UpgradeHandler } from '../server.js';
import { StreamCloseCode } from './close-codes.js';
import { StreamConnection } from './connection.js';
import type { StreamHub } from './hub.js';
import { checkUpgrade, refuseUpgrade } from './upgrade-checks.js';

export interface StreamServerDeps {
  guard: RequestGuard;
  verifier: TokenVerifier;
  revocations: DeviceRevocations;
  hub: StreamHub;
  /** The trading environment now; read for every `hello`. */
  environment: () => TradingEnvironment;
  agentVersion: string;
  logger: Logger;
  /** Time for the first message (`auth`), and again for `hello` after it. */
  authTimeoutMs?: number;
  /** Heartbeat period; a socket that misses two pongs in a row is cut. */
  pingIntervalMs?: number;
  messagesPerSecond?: number;
  maxConnections?: number;
  maxStreamsPerSocket?: number;
  /** How long `close()` waits for clients to answer their close frames before cutting them. */
  closeGraceMs?: number;
}

export interface StreamServer extends UpgradeHandler {
  /** Closes every socket with `code` (e.g. ENVIRONMENT_CHANGED: clients reconnect and re-read hello). */
  closeAll(code: number, reason: string): void;
  connectionCount(): number;
}

/** Client messages are small commands; the largest legal subscribe is ~20 KiB. */
const MAX_PAYLOAD_BYTES = 64 * 1024;

export function createStreamServer(deps: StreamServerDeps): StreamServer {
  const closeGraceMs = deps.closeGraceMs ?? 1_000;
  const maxConnections = deps.maxConnections ?? 64;
  // Deflate is off on purpose: on loopback it costs ~10x throughput and saves nothing.
  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    maxPayload: MAX_PAYLOAD_BYTES,
  });
  const connections = new Set<StreamConnection>();
  let closing: Promise<void> | undefined;
  let drained: (() => void) | undefined;

  const connectionDeps = {
    hub: deps.hub,
    verifier: deps.verifier,
    environment: deps.environment,
    agentVersion: deps.agentVersion,
    logger: deps.logger,
    authTimeoutMs: deps.authTimeoutMs ?? 5_000,
    messagesPerSecond: deps.messagesPerSecond ?? 50,
    maxStreamsPerSocket: deps.maxStreamsPerSocket ?? 2_000,
    closeGraceMs,
    onClosed: (connection: StreamConnection) => {
      connections.delete(connection);
      if (connections.size === 0) drained?.();
    },
  };

  const heartbeat = setInterval(() => {
    for (const connection of connections) connection.heartbeat();
  }, deps.pingIntervalMs ?? 15_000);
  heartbeat.unref();

  const stopRevocations = deps.revocations.onRevoked((deviceId) => {
    for (const connection of connections) {
      if (connection.deviceId === deviceId)
        connection.close(StreamCloseCode.DEVICE_REVOKED, 'device revoked');
    }
  });

  const closeAll = (code: number, reason: string): void => {
    for (const connection of connections) connection.close(code, reason);
  };

  return {
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      socket.on('error', (err) => deps.logger.debug({ err }, 'stream upgrade socket error'));
      const check = checkUpgrade(req, deps.guard);
      if (!check.ok) {
        // debug: the guard already logs its own refusals as warnings.
        deps.logger.debug({ status: check.status, reason: check.body.message }, 'stream upgrade refused');
        refuseUpgrade(socket, check.status, check.body);
        return;
      }
      if (closing !== undefined) {
        refuseUpgrade(socket, 503, { code: 'INTERNAL', message: 'agent stopping', retryable: true });
        return;
      }
      if (connections.size >= maxConnections) {
        const message = `at most ${maxConnections} stream connections`;
        refuseUpgrade(socket, 429, { code: 'RATE_LIMITED', message, retryable: true });
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        if (closing !== undefined) {
          ws.terminate();
          return;
        }
        connections.add(new StreamConnection(ws, check.origin, connectionDeps));
      });
    },
    closeAll,
    connectionCount: () => connections.size,
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        stopRevocations();
        let isFinished = false;
        const finish = (): void => {
          if (isFinished) return;
          isFinished = true;
          clearTimeout(cutoff);
          wss.close();
          resolve();
        };
        // Every connection terminates itself after closeGraceMs; this is the backstop.
        const cutoff = setTimeout(finish, closeGraceMs + 500);
        drained = finish;
        if (connections.size === 0) finish();
        else closeAll(StreamCloseCode.GOING_AWAY, 'agent stopping');
      });
      return closing;
    },
  };
}
