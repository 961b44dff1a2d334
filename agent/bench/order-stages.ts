/**
 * The order hot path's stages, each alone (`node --import tsx bench/order-stages.ts` from `agent/`):
 * RSA-PSS signing with a 2048-bit KeyObject, a small POST on loopback through `fetch` and through a
 * keep-alive `node:http` request (call → request written to the socket), and one urgent ledger
 * append under synchronous=FULL and NORMAL. Medians of wall time plus CPU time per operation (the
 * machine is shared: wall-clock percentiles are noisy, CPU time much less so).
 */
import dc from 'node:diagnostics_channel';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { signKalshiRequest } from '../src/connectors/kalshi/http/sign.js';
import { openStore, type StoreOptions } from '../src/store/index.js';
import { percentiles } from './order-latency-stats.js';

const RUNS = Number(process.env.PT_BENCH_STAGE_RUNS ?? 300);
const BODY = JSON.stringify({
  ticker: 'KXHIGHNY-26NOV25-B50',
  client_order_id: 'pt-x',
  side: 'bid',
  count: 1,
});

interface Stage {
  name: string;
  wallMs: number[];
  cpuUsPerOp: number;
}

function line(stage: Stage): string {
  const p = percentiles(stage.wallMs);
  return `${stage.name}: wall p50 ${p.p50} ms, p99 ${p.p99} ms; CPU ${(stage.cpuUsPerOp / 1000).toFixed(3)} ms/op`;
}

async function timed(name: string, op: () => Promise<void> | void): Promise<Stage> {
  for (let i = 0; i < 20; i += 1) await op();
  const wallMs: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await op();
    wallMs.push(performance.now() - start);
  }
  const used = process.cpuUsage(cpu);
  return { name, wallMs, cpuUsPerOp: (used.user + used.system) / RUNS };
}

function signStage(): Promise<Stage> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const credentials = { keyId: 'k', privateKey };
  return timed('RSA-PSS sign (2048-bit KeyObject)', () => {
    signKalshiRequest(credentials, 'POST', '/trade-api/v2/portfolio/events/orders', Date.now());
  });
}

/** Call → the request's body is on the socket; the answer is awaited after the timing. */
async function postStages(): Promise<Stage[]> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end('{"order":{"order_id":"o1"}}');
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/trade-api/v2/portfolio/events/orders`;
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  let sentAt = 0;
  const onSent = (): void => {
    sentAt = performance.now();
  };
  dc.subscribe('undici:request:bodySent', onSent);
  const answers: Promise<unknown>[] = [];
  const fetchStage = await timedSplit('POST via fetch: call → body on the socket', async () => {
    const start = performance.now();
    const done = fetch(url, { method: 'POST', headers, body: BODY }).then((r) => r.text());
    await waitFor(() => sentAt >= start);
    const at = sentAt;
    await done;
    return at - start;
  });
  dc.unsubscribe('undici:request:bodySent', onSent);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const httpStage = await timedSplit('POST via node:http keep-alive: call → body on the socket', async () => {
    const start = performance.now();
    let written = 0;
    const done = new Promise<void>((resolve, reject) => {
      const req = http.request(url, { method: 'POST', headers, agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', reject);
      req.end(BODY, () => {
        written = performance.now();
      });
    });
    await done;
    return written - start;
  });
  agent.destroy();
  void answers;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return [fetchStage, httpStage];
}

async function timedSplit(name: string, op: () => Promise<number>): Promise<Stage> {
  for (let i = 0; i < 20; i += 1) await op();
  const wallMs: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < RUNS; i += 1) wallMs.push(await op());
  const used = process.cpuUsage(cpu);
  return {
    name: `${name} (CPU: whole round trip incl. the server)`,
    wallMs,
    cpuUsPerOp: (used.user + used.system) / RUNS,
  };
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

async function appendStage(synchronous: StoreOptions['synchronous']): Promise<Stage> {
  const dir = mkdtempSync(join(tmpdir(), 'pt-order-stages-'));
  const store = openStore({
    dataDir: dir,
    environment: 'sim',
    logger: pino({ level: 'silent' }),
    synchronous,
  });
  let n = 0;
  try {
    return await timed(`urgent ledger append, synchronous=${synchronous}`, async () => {
      n += 1;
      await store.ledger.append(
        [
          {
            source: 'agent.execution',
            sourceEventId: `intent:pt-stage-${n}`,
            kind: 'execution.intent',
            payload: {
              clientOrderId: `pt-stage-${n}`,
              ticker: 'KXHIGHNY-26NOV25-B50',
              priceE4: 4500,
              countE2: 100,
            },
            venueTsMs: null,
          },
        ],
        { isUrgent: true },
      );
    });
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const stages = [
  await signStage(),
  ...(await postStages()),
  await appendStage('FULL'),
  await appendStage('NORMAL'),
];
for (const stage of stages) process.stdout.write(`${line(stage)}\n`);
