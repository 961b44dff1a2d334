/**
 * A loopback TCP forwarder in front of the simulator's WebSocket endpoint, for a disconnect that
 * lasts: `cut()` destroys every forwarded connection (the client sees 1006) and refuses new ones
 * until `restore()`, while REST keeps working. The WS handshake's signature covers the method and
 * path, not the host, so it stays valid through the forwarder.
 */
import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface WsCutProxy {
  /** The WS URL through the forwarder (same path as the simulator's). */
  ws: string;
  isCut: () => boolean;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startWsCutProxy(simWs: string): Promise<WsCutProxy> {
  const upstream = new URL(simWs);
  const sockets = new Set<Socket>();
  let isCut = false;
  const server = createServer((client) => {
    if (isCut) {
      client.destroy();
      return;
    }
    const up = connect(Number(upstream.port), upstream.hostname);
    sockets.add(client);
    sockets.add(up);
    const end = (): void => {
      client.destroy();
      up.destroy();
      sockets.delete(client);
      sockets.delete(up);
    };
    client.on('error', end).on('close', end);
    up.on('error', end).on('close', end);
    client.pipe(up);
    up.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ws: `ws://127.0.0.1:${port}${upstream.pathname}`,
    isCut: () => isCut,
    cut: () => {
      isCut = true;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    restore: () => {
      isCut = false;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
