import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signRequest } from '../auth/sign-request.js';
import { makeTestKey } from '../auth/test-keys.js';
import { DEFAULT_DATA_DIR } from '../cli.js';
import { loadWeatherTopOfBook } from '../data/weather.js';
import { weatherSource } from '../replay/sources/weather-source.js';
import { makeTestSim } from '../server/test-context.js';
import { attachWsServer, WS_PATH } from '../ws/server.js';
import { ChurnPlayer } from './churn-player.js';
import { quotePaths } from './quote-paths.js';

interface Frame {
  type: string;
  sid?: number;
  seq?: number;
  msg?: {
    market_ticker: string;
    side?: 'yes' | 'no';
    price_dollars?: string;
    delta_fp?: string;
    yes_dollars_fp?: [string, string][];
    no_dollars_fp?: [string, string][];
  };
}

const e4 = (dollars: string): number => Math.round(Number(dollars) * 10_000);
const e2 = (fp: string): number => Math.round(Number(fp) * 100);

describe('churn on the wire (real engine, real WS server, a subscribed client)', () => {
  const sim = makeTestSim();
  const key = makeTestKey('churn-key');
  sim.ctx.keys.addAll([key.entry]);
  // The weather markets of the test sim, walked by the churn instead of the replay's maker.
  const times = { simStartMs: Date.UTC(2026, 10, 25, 12), speed: 1 };
  const paths = quotePaths([weatherSource(loadWeatherTopOfBook(DEFAULT_DATA_DIR).rows, [], times)]);
  for (const path of paths) sim.world.maker.withdraw(path.ticker);
  const churn = new ChurnPlayer(paths, {
    exchange: sim.ctx.exchange,
    userId: 'mm',
    seed: 1,
    updatesPerS: 2_000,
    log: sim.world.log,
  });
  churn.open();
  let server: Server | undefined;
  let closeWs = (): void => undefined;
  afterAll(() => {
    churn.stop();
    closeWs();
    server?.close();
  });

  it('streams snapshot + contiguous seq deltas that rebuild exactly the engine books', async () => {
    expect(paths.length).toBeGreaterThanOrEqual(10);
    server = await new Promise<Server>((resolve) => {
      const s = serve({ fetch: sim.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
    });
    const handle = attachWsServer(server, sim.ctx, () => true, 10_000);
    closeWs = () => handle.close();
    const { port } = server.address() as AddressInfo;
    const headers = signRequest('churn-key', key.privateKey, 'GET', WS_PATH, sim.ctx.clock.nowMs());
    const ws = new WebSocket(`ws://127.0.0.1:${port}${WS_PATH}`, { headers });
    const frames: Frame[] = [];
    ws.on('message', (data: Buffer) => frames.push(JSON.parse(data.toString('utf8')) as Frame));
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const tickers = paths.map((p) => p.ticker);
    ws.send(
      JSON.stringify({
        id: 1,
        cmd: 'subscribe',
        params: { channels: ['orderbook_delta'], market_tickers: tickers },
      }),
    );
    await expect
      .poll(() => frames.filter((f) => f.type === 'orderbook_snapshot').length)
      .toBe(tickers.length);
    churn.start();
    await new Promise((done) => setTimeout(done, 400));
    churn.stop();
    const made = churn.updates;
    expect(made).toBeGreaterThan(100);
    await expect.poll(() => frames.filter((f) => f.type === 'orderbook_delta').length).toBe(made);
    ws.close();

    const book = frames.filter((f) => f.type === 'orderbook_snapshot' || f.type === 'orderbook_delta');
    const seqs = book.map((f) => f.seq ?? -1);
    expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] ?? 0) + i));
    const levels = new Map<string, Map<string, number>>();
    for (const frame of book) {
      const msg = frame.msg;
      if (msg === undefined) continue;
      const market = levels.get(msg.market_ticker) ?? new Map<string, number>();
      levels.set(msg.market_ticker, market);
      if (frame.type === 'orderbook_snapshot') {
        for (const [p, c] of msg.yes_dollars_fp ?? []) market.set(`yes:${e4(p)}`, e2(c));
        for (const [p, c] of msg.no_dollars_fp ?? []) market.set(`no:${e4(p)}`, e2(c));
        continue;
      }
      const level = `${msg.side}:${e4(msg.price_dollars ?? '0')}`;
      const size = (market.get(level) ?? 0) + e2(msg.delta_fp ?? '0');
      if (size === 0) market.delete(level);
      else market.set(level, size);
    }
    for (const ticker of tickers) {
      const engine = sim.ctx.exchange.book(ticker);
      const expected = new Map<string, number>([
        ...(engine?.yes ?? []).map(([p, c]): [string, number] => [`yes:${p}`, c]),
        ...(engine?.no ?? []).map(([p, c]): [string, number] => [`no:${p}`, c]),
      ]);
      expect(Object.fromEntries(levels.get(ticker) ?? []), ticker).toEqual(Object.fromEntries(expected));
    }
  });
});
