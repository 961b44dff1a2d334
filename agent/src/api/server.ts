import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import { AgentError } from '../lib/errors.js';

/** Loopback only: the API can place orders, so nothing off this machine may reach it. */
export const LOOPBACK_HOST = '127.0.0.1';

export interface RunningServer {
  port: number;
  url: string;
  /**
   * Stop accepting, close idle keep-alive sockets at once, let in-flight requests finish for up to
   * `graceMs`, then cut whatever is left.
   */
  close: (graceMs: number) => Promise<void>;
}

/** Takes over HTTP upgrade requests (the WS stream); closed with the server. */
export interface UpgradeHandler {
  /** Answers the upgrade: completes it, or writes a plain HTTP refusal and destroys the socket. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every upgraded socket; `RunningServer.close` waits for it. */
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Without one, upgrade requests are refused (Node destroys their sockets). */
  upgrade?: UpgradeHandler;
}

export async function startServer(
  app: Hono,
  port: number,
  options: ServerOptions = {},
): Promise<RunningServer> {
  const listener = getRequestListener(app.fetch);
  // Hono's onError answers every failure, so the listener's promise settles without a rejection.
  const server = createServer((req, res) => void listener(req, res));
  const { upgrade } = options;
  if (upgrade !== undefined) {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
      upgrade.handleUpgrade(req, socket, head),
    );
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => {
      const isInUse = 'code' in err && err.code === 'EADDRINUSE';
      reject(
        isInUse
          ? new AgentError(
              'CONFIG_INVALID',
              `port ${port} on ${LOOPBACK_HOST} is already in use; pass --port with a free port, or --port 0`,
              {},
              { field: 'port' },
              { cause: err },
            )
          : err,
      );
    });
    server.listen(port, LOOPBACK_HOST, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('HTTP server has no TCP address');
  const boundPort = (address satisfies AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    port: boundPort,
    url: `http://${LOOPBACK_HOST}:${boundPort}`,
    close: (graceMs) => {
      closing ??= new Promise<void>((resolve) => {
        const cutoff = setTimeout(() => server.closeAllConnections(), graceMs);
        cutoff.unref();
        // Upgraded sockets are no longer HTTP connections: the handler closes them, and the
        // server's close callback waits for them like for any other socket.
        const upgraded = upgrade?.close() ?? Promise.resolve();
        server.close(() => {
          clearTimeout(cutoff);
          void upgraded.then(resolve);
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
