import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeepAliveFetch } from './keep-alive-fetch.js';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  remotePort: number;
}

let server: http.Server;
let base: string;
let seen: Seen[];
let handler: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

beforeEach(async () => {
  seen = [];
  handler = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  };
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
        remotePort: req.socket.remotePort ?? 0,
      });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('createKeepAliveFetch', () => {
  it('sends method, headers and a string body with its length, and answers status and text', async () => {
    handler = (_req, res, body) => {
      res.writeHead(201, { 'content-type': 'application/json', 'x-echo': 'yes' });
      res.end(JSON.stringify({ got: JSON.parse(body) as unknown }));
    };
    const fetchFn = createKeepAliveFetch();
    const body = JSON.stringify({ ticker: 'KX-€', count: 1 });
    const res = await fetchFn(`${base}/trade-api/v2/portfolio/events/orders?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'KALSHI-ACCESS-KEY': 'k1' },
      body,
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-echo')).toBe('yes');
    expect(JSON.parse(await res.text())).toEqual({ got: { ticker: 'KX-€', count: 1 } });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/trade-api/v2/portfolio/events/orders?x=1', body });
    expect(seen[0]?.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(seen[0]?.headers['kalshi-access-key']).toBe('k1');
  });

  it('reuses one connection for requests in a row (keep-alive)', async () => {
    const fetchFn = createKeepAliveFetch();
    for (let i = 0; i < 3; i += 1) await (await fetchFn(`${base}/a`)).text();
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((s) => s.remotePort)).size).toBe(1);
  });

  it("drops an idle socket before the server's Keep-Alive timeout hint instead of reusing it", async () => {
    server.keepAliveTimeout = 2_000; // announced as `Keep-Alive: timeout=2`
    const fetchFn = createKeepAliveFetch();
    await (await fetchFn(`${base}/a`)).text();
    await (await fetchFn(`${base}/b`)).text();
    // Node closes the idle socket 1 s before the hint: after 1.3 s the next request opens a new one.
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    await (await fetchFn(`${base}/c`)).text();
    expect(seen.map((s) => s.remotePort)[0]).toBe(seen[1]?.remotePort);
    expect(seen[2]?.remotePort).not.toBe(seen[1]?.remotePort);
  });

  it('answers a 204 with an empty body and a 500 with its text', async () => {
    const fetchFn = createKeepAliveFetch();
    handler = (_req, res) => {
      res.writeHead(204);
      res.end();
    };
    const empty = await fetchFn(`${base}/x`, { method: 'DELETE' });
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe('');
    handler = (_req, res) => {
      res.writeHead(500);
      res.end('<html>oops</html>');
    };
    const failed = await fetchFn(`${base}/x`);
    expect(failed.status).toBe(500);
    expect(await failed.text()).toBe('<html>oops</html>');
  });

  it('rejects with the signal reason when the answer stalls past the timeout', async () => {
    handler = (_req, res) => {
      res.writeHead(200);
      res.write('{"partial":');
    };
    const fetchFn = createKeepAliveFetch();
    const signal = AbortSignal.timeout(50);
    await expect(fetchFn(`${base}/slow`, { signal })).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(signal.aborted).toBe(true);
  });

  it('rejects at once for an already aborted signal, without sending', async () => {
    const fetchFn = createKeepAliveFetch();
    const controller = new AbortController();
    controller.abort(new Error('caller gave up'));
    await expect(fetchFn(`${base}/x`, { signal: controller.signal })).rejects.toThrow('caller gave up');
    expect(seen).toHaveLength(0);
  });

  it('rejects when the connection drops before the whole answer', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"half":');
      setTimeout(() => res.socket?.destroy(), 5);
    };
    const fetchFn = createKeepAliveFetch();
    await expect(fetchFn(`${base}/drop`)).rejects.toThrow();
  });

  it('rejects on a refused connection and on input it does not support', async () => {
    const fetchFn = createKeepAliveFetch();
    const port = (server.address() as AddressInfo).port;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await expect(fetchFn(`http://127.0.0.1:${port}/x`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await expect(fetchFn(`${base}/x`, { method: 'POST', body: new Uint8Array([1]) })).rejects.toThrow(
      'body must be a string',
    );
    server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
});
