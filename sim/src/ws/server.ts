import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { verifyRequest, authErrorBody } from '../auth/index.js';
import type { SimContext } from '../server/context.js';
import { WsHub } from './hub.js';
import { WsSession } from './session.js';

export const WS_PATH = '/trade-api/ws/v2';
/** Kalshi pings every 10 s with body `heartbeat` (ASYNC control_frames). */
export const PING_INTERVAL_MS = 10_000;

export interface WsServerHandle {
  hub: WsHub;
  close(): void;
}

/**
 * Attaches the Kalshi WebSocket endpoint to the HTTP server. The upgrade is signed exactly like a
 * REST call (GET + `/trade-api/ws/v2`); a bad signature gets a 401 with Kalshi's auth body before
 * any WebSocket is created. Compression is off on purpose: it is optional on Kalshi and costs
 * CPU the bench needs.
 */
export function attachWsServer(
  server: Server,
  ctx: SimContext,
  isKnownMarket: (ticker: string) => boolean,
  pingIntervalMs = PING_INTERVAL_MS,
): WsServerHandle {
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 1024 * 1024 });
  const hub = new WsHub(ctx.exchange, () => ctx.clock.nowMs());
  const unsubscribe = ctx.exchange.subscribe((event) => hub.onEngineEvent(event));
  const sockets = new Set<WebSocket>();

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (path !== WS_PATH)
      return rejectUpgrade(socket, 404, { error: { code: 'not_found', message: 'not found' } });
    const result = verifyRequest(ctx.keys, { method: 'GET', path, headers: req.headers }, ctx.clock.nowMs());
    if (!result.isValid) return rejectUpgrade(socket, 401, authErrorBody(result.failure));
    wss.handleUpgrade(req, socket, head, (ws) => {
      const session = new WsSession(ws, result.userId, {
        exchange: ctx.exchange,
        faults: ctx.faults,
        log: ctx.log,
        isKnownMarket,
        nowMs: () => ctx.clock.nowMs(),
      });
      sockets.add(ws);
      hub.sessions.add(session);
      ws.on('message', (data, isBinary) => {
        if (isBinary) return;
        const text = Buffer.isBuffer(data)
          ? data.toString('utf8')
          : Array.isArray(data)
            ? Buffer.concat(data).toString('utf8')
            : Buffer.from(data).toString('utf8');
        session.handleMessage(text);
      });
      ws.on('close', () => {
        sockets.delete(ws);
        hub.sessions.delete(session);
      });
      ws.on('error', (err) => ctx.log.warn('ws error', { err: String(err) }));
    });
  });

  const pinger = setInterval(() => {
    for (const ws of sockets) ws.ping('heartbeat');
  }, pingIntervalMs);
  pinger.unref();

  const onDrop = (): void => {
    ctx.log.info('fault: dropping ws connections', { count: sockets.size });
    for (const ws of sockets) ws.terminate();
  };
  ctx.faults.events.on('drop', onDrop);

  return {
    hub,
    close: () => {
      clearInterval(pinger);
      ctx.faults.events.off('drop', onDrop);
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
    },
  };
}

function rejectUpgrade(socket: Duplex, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  const reason = status === 401 ? 'Unauthorized' : 'Not Found';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}
