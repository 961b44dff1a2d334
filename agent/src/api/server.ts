import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

export async function startServer(app: Hono, port: number): Promise<RunningServer> {
  const listener = getRequestListener(app.fetch);
  // Hono's onError answers every failure, so the listener's promise settles without a rejection.
  const server = createServer((req, res) => void listener(req, res));
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
        server.close(() => {
          clearTimeout(cutoff);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
