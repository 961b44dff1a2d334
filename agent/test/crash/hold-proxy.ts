/**
 * A loopback HTTP forwarder in front of the real simulator's REST API, for the one crash window
 * the simulator cannot open by itself: the intent is in the ledger, the create has left the
 * execution road, and the venue has NOT seen it. While `holdCreates` is on, order creates
 * (`POST …/portfolio/events/orders`) are taken in and neither forwarded nor answered, so the
 * venue provably never receives them; everything else passes through untouched (signatures
 * cover method, path and time, not the host, so they stay valid).
 */
import { createServer, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const CREATE_PATH = '/trade-api/v2/portfolio/events/orders';

export interface HoldProxy {
  /** REST base URL through the proxy (ends in `/trade-api/v2`). */
  rest: string;
  holdCreates: boolean;
  /** Resolves when the first create has been held. */
  firstHeld: Promise<void>;
  /** How many creates were held (never forwarded). */
  held(): number;
  close(): Promise<void>;
}

export async function startHoldProxy(simRest: string): Promise<HoldProxy> {
  const upstream = new URL(simRest);
  const heldResponses: ServerResponse[] = [];
  let onHeld: () => void = () => undefined;
  const firstHeld = new Promise<void>((resolve) => (onHeld = resolve));
  const proxy = {
    rest: '',
    holdCreates: false,
    firstHeld,
    held: () => heldResponses.length,
    close: async () => {
      for (const res of heldResponses) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (proxy.holdCreates && req.method === 'POST' && path === CREATE_PATH) {
      req.resume();
      heldResponses.push(res);
      onHeld();
      return;
    }
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  proxy.rest = `http://127.0.0.1:${port}/trade-api/v2`;
  return proxy;
}
