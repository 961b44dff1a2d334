import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signRequest } from '../auth/sign-request.js';
import { makeTestKey } from '../auth/test-keys.js';
import { makeTestSim } from '../server/test-context.js';
import { attachWsServer, WS_PATH } from './server.js';

describe('attachWsServer', () => {
  const sim = makeTestSim();
  const key = makeTestKey('ws-key');
  sim.ctx.keys.addAll([key.entry]);
  let server: Server | undefined;
  let close = (): void => undefined;
  afterAll(() => {
    close();
    server?.close();
  });

  it('pings with body "heartbeat" on its interval (10 s in production, 50 ms here)', async () => {
    server = await new Promise<Server>((resolve) => {
      const s = serve({ fetch: sim.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
    });
    const handle = attachWsServer(server, sim.ctx, () => true, 50);
    close = () => handle.close();
    const { port } = server.address() as AddressInfo;
    // The in-process clock is pinned, so sign with the sim's time.
    const headers = signRequest('ws-key', key.privateKey, 'GET', WS_PATH, sim.ctx.clock.nowMs());
    const ws = new WebSocket(`ws://127.0.0.1:${port}${WS_PATH}`, { headers });
    const ping = await new Promise<string>((resolve, reject) => {
      ws.once('ping', (data: Buffer) => resolve(data.toString('utf8')));
      ws.once('error', reject);
    });
    expect(ping).toBe('heartbeat');
    ws.close();
  });

  it('refuses a bad signature with 401 and the Kalshi auth body', async () => {
    const { port } = (server as Server).address() as AddressInfo;
    const headers = signRequest(
      'ws-key',
      key.privateKey,
      'GET',
      '/trade-api/v2/wrong',
      sim.ctx.clock.nowMs(),
    );
    const result = await new Promise<{ status: number; body: string }>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}${WS_PATH}`, { headers });
      ws.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      ws.once('error', () => undefined);
    });
    expect(result.status).toBe(401);
    expect(JSON.parse(result.body)).toMatchObject({ error: { code: 'authentication_error' } });
  });
});
