/**
 * Sim throughput on loopback, bounded in time; records its figures (scripts/bench-report/figure.ts).
 *   1. WS messages/s to one subscriber (target ≥ 50,000/s): orderbook_delta frames produced by
 *      real engine place/cancel churn (admin `/_sim/bench/churn`), counted by a `ws` client.
 *   2. REST order creates/s (target ≥ 5,000/s): signed V2 creates from several users in
 *      parallel (each user has its own token buckets; the sim runs at the top tier). Kalshi does
 *      not sign the body, so one signature per user is reused within its validity window, as any
 *      client may do.
 */
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { recordFigure } from '../../scripts/bench-report/figure.js';
import { signRequest } from '../src/auth/sign-request.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TICKER = 'KXFEDMENTION-26MAR-JUDY';
const WS_MESSAGES = 400_000;
const WS_TIME_LIMIT_MS = 20_000;
const REST_USERS = 10;
const REST_CONCURRENCY_PER_USER = 8;
const REST_DURATION_MS = 5_000;
const CREATE_PATH = '/trade-api/v2/portfolio/events/orders';

interface BenchKey {
  keyId: string;
  privateKey: KeyObject;
  pem: string;
}

function makeKey(keyId: string): BenchKey {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { keyId, privateKey, pem: String(publicKey.export({ type: 'spki', format: 'pem' })) };
}

interface Ready {
  port: number;
  rest: string;
  ws: string;
}

async function startSim(keysFile: string): Promise<{ child: ReturnType<typeof spawn>; ready: Ready }> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
      '--import',
      'tsx',
      'sim/src/main.ts',
      '--port',
      '0',
      '--seed',
      '1',
      '--tier',
      'prestige',
      '--maintenance',
      'off',
      '--keys',
      keysFile,
      '--log-level',
      'warn',
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = await new Promise<string>((resolveLine, reject) => {
    createInterface({ input: child.stdout }).once('line', resolveLine);
    child.once('exit', (code) => reject(new Error(`sim exited ${code}`)));
  });
  const ready = JSON.parse(line) as Ready;
  return { child, ready };
}

async function benchWs(ready: { port: number; ws: string }, key: BenchKey): Promise<void> {
  const ws = new WebSocket(ready.ws, {
    headers: signRequest(key.keyId, key.privateKey, 'GET', '/trade-api/ws/v2', Date.now()),
    perMessageDeflate: false,
  });
  await new Promise((r, j) => {
    ws.once('open', r);
    ws.once('error', j);
  });
  let received = 0;
  let firstMs = 0;
  let lastMs = 0;
  const done = new Promise<void>((resolveDone) => {
    const timer = setTimeout(resolveDone, WS_TIME_LIMIT_MS);
    ws.on('message', (data: Buffer) => {
      // Parse like a real client would.
      const frame = JSON.parse(data.toString('utf8')) as { type?: string };
      if (frame.type !== 'orderbook_delta') return;
      if (received === 0) firstMs = performance.now();
      received += 1;
      lastMs = performance.now();
      if (received >= WS_MESSAGES) {
        clearTimeout(timer);
        resolveDone();
      }
    });
  });
  ws.send(
    JSON.stringify({
      id: 1,
      cmd: 'subscribe',
      params: { channels: ['orderbook_delta'], market_tickers: [TICKER] },
    }),
  );
  await new Promise((r) => setTimeout(r, 200));
  await fetch(`http://127.0.0.1:${ready.port}/_sim/bench/churn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ticker: TICKER, pairs: WS_MESSAGES / 2 }),
  });
  await done;
  ws.terminate();
  const seconds = (lastMs - firstMs) / 1000;
  const rate = seconds > 0 ? Math.round(received / seconds) : 0;
  recordFigure({
    suite: 'sim',
    name: 'ws orderbook_delta to one subscriber',
    value: rate,
    unit: 'msg/s',
    target: { op: '>=', value: 50_000 },
    note: `${received} messages in ${seconds.toFixed(2)} s`,
  });
}

/** Plain keep-alive `http.request`: far less client CPU than fetch, which shares our 2 cores. */
function post(
  agent: Agent,
  restBase: string,
  headers: Record<string, string>,
  body: string,
): Promise<number> {
  const url = new URL(`${restBase}/portfolio/events/orders`);
  return new Promise((resolvePost, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.once('end', () => resolvePost(res.statusCode ?? 0));
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

async function benchRest(ready: { rest: string }, keys: BenchKey[]): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: keys.length * REST_CONCURRENCY_PER_USER });
  let created = 0;
  let rejected = 0;
  const statuses = new Map<number, number>();
  const startMs = performance.now();
  const endMs = startMs + REST_DURATION_MS;
  const worker = async (key: BenchKey, lane: number): Promise<void> => {
    let headers = signRequest(key.keyId, key.privateKey, 'POST', CREATE_PATH, Date.now());
    let signedAtMs = performance.now();
    let n = 0;
    while (performance.now() < endMs) {
      if (performance.now() - signedAtMs > 2_000) {
        headers = signRequest(key.keyId, key.privateKey, 'POST', CREATE_PATH, Date.now());
        signedAtMs = performance.now();
      }
      n += 1;
      const status = await post(
        agent,
        ready.rest,
        headers,
        JSON.stringify({
          ticker: TICKER,
          side: 'bid',
          count: '1.00',
          price: '0.0100',
          time_in_force: 'good_till_canceled',
          self_trade_prevention_type: 'taker_at_cross',
          client_order_id: `${key.keyId}-${lane}-${n}`,
        }),
      );
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status === 201) created += 1;
      else rejected += 1;
    }
  };
  await Promise.all(
    keys.flatMap((key) => Array.from({ length: REST_CONCURRENCY_PER_USER }, (_, lane) => worker(key, lane))),
  );
  const seconds = (performance.now() - startMs) / 1000;
  agent.destroy();
  const rate = Math.round(created / seconds);
  const byStatus = [...statuses].map(([s, n]) => `${s}:${n}`).join(' ');
  recordFigure({
    suite: 'sim',
    name: 'rest order creates (201)',
    value: rate,
    unit: 'creates/s',
    target: { op: '>=', value: 5_000 },
    note: `${created} in ${seconds.toFixed(2)} s with ${keys.length} users x ${REST_CONCURRENCY_PER_USER} in flight; statuses ${byStatus}; non-201 ${rejected}`,
  });
}

async function main(): Promise<void> {
  const keys = Array.from({ length: REST_USERS }, (_, i) => makeKey(`bench-${i}`));
  const dir = mkdtempSync(join(tmpdir(), 'sim-bench-'));
  const keysFile = join(dir, 'keys.json');
  writeFileSync(
    keysFile,
    JSON.stringify(
      keys.map((k) => ({ key_id: k.keyId, public_key_pem: k.pem, balance_dollars: '1000000.00' })),
    ),
  );
  const first = keys[0];
  if (!first) throw new Error('no bench key');
  // A fresh sim per measurement, so one benchmark's leftovers never slow the other.
  const benches = [(ready: Ready) => benchWs(ready, first), (ready: Ready) => benchRest(ready, keys)];
  for (const bench of benches) {
    const { child, ready } = await startSim(keysFile);
    try {
      await bench(ready);
    } finally {
      child.kill('SIGTERM');
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${String(err)}\n`);
  process.exit(1);
});
