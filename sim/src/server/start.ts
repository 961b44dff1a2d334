import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { startPauseSync } from '../exchange/index.js';
import type { MarketDeps } from '../rest/markets/index.js';
import { attachWsServer, type WsServerHandle } from '../ws/server.js';
import { createSimApp } from './app.js';
import type { SimContext } from './context.js';

export interface RunningSim {
  port: number;
  ws: WsServerHandle;
  close(): Promise<void>;
}

/** Binds REST + WS on 127.0.0.1 (loopback only) and resolves once listening. */
export async function startSimServer(ctx: SimContext, market: MarketDeps, port: number): Promise<RunningSim> {
  const app = createSimApp(ctx, market);
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  const address = server.address() as AddressInfo;
  const ws = attachWsServer(server, ctx, (ticker) => market.catalog.markets.has(ticker));
  const stopPauseSync = startPauseSync(ctx);
  return {
    port: address.port,
    ws,
    close: () =>
      new Promise<void>((resolve) => {
        stopPauseSync();
        ws.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
