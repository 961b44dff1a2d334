/**
 * Test doubles for the REST client's unit tests. `RecordingLimiter` is an ALWAYS-GRANT limiter
 * (it never makes a request wait); it only records what was asked of it, so tests can check the
 * bucket, cost and priority of each request and that 429s were reported. Integration tests use
 * K2's real `TokenBucketLimiter` against the simulator instead.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { pino } from 'pino';
import { ContractMonitor } from '../../../src/connectors/kalshi/contract/contract-monitor.js';
import { KalshiHttp } from '../../../src/connectors/kalshi/http/index.js';
import type { KalshiHttpOptions } from '../../../src/connectors/kalshi/http/index.js';
import type {
  BucketBudget,
  RateBucket,
  RequestLimiter,
  TokenRequest,
} from '../../../src/connectors/kalshi/rate-limit/types.js';

export class RecordingLimiter implements RequestLimiter {
  readonly acquired: TokenRequest[] = [];
  readonly rateLimited: RateBucket[] = [];
  /** Granted requests not yet reported settled (the same objects `acquire` received). */
  readonly inFlight = new Set<TokenRequest>();
  settledCount = 0;

  acquire(request: TokenRequest): Promise<void> {
    this.acquired.push({ bucket: request.bucket, cost: request.cost, priority: request.priority });
    this.inFlight.add(request);
    return Promise.resolve();
  }
  onSettled(request: TokenRequest): void {
    if (!this.inFlight.delete(request)) throw new Error('onSettled for a request that is not in flight');
    this.settledCount += 1;
  }
  onRateLimited(bucket: RateBucket): void {
    this.rateLimited.push(bucket);
  }
  budget(): Record<RateBucket, BucketBudget> {
    const open = { tokens: 0, capacity: 0, refillPerSecond: 0, waiting: 0 };
    return { read: open, write: open };
  }
}

export interface FetchCall {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** Answers each call with the next scripted responder; records every call. */
export function scriptedFetch(
  ...responders: ((call: FetchCall, signal: AbortSignal | undefined) => Response | Promise<Response>)[]
): { fetch: typeof fetch; calls: FetchCall[] } {
  const calls: FetchCall[] = [];
  const fake = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    const call: FetchCall = {
      url: new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url),
      method: init?.method ?? 'GET',
      headers: Object.fromEntries(headers.entries()),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const responder = responders[calls.length - 1] ?? responders[responders.length - 1];
    if (responder === undefined) throw new Error('no responder scripted');
    return responder(call, init?.signal ?? undefined);
  };
  return { fetch: fake, calls };
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

let cachedKey: { privateKey: KeyObject; publicKey: KeyObject } | undefined;
export function testKeys(): { privateKey: KeyObject; publicKey: KeyObject } {
  cachedKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 });
  return cachedKey;
}

export function makeHttp(
  fetchFn: typeof fetch,
  overrides: Partial<KalshiHttpOptions> = {},
): { http: KalshiHttp; limiter: RecordingLimiter; contract: ContractMonitor } {
  const limiter = new RecordingLimiter();
  const contract = new ContractMonitor(() => 1_000);
  const http = new KalshiHttp({
    baseUrl: 'https://venue.test/trade-api/v2',
    credentials: { keyId: 'key-1', privateKey: testKeys().privateKey },
    limiter,
    contract,
    logger: pino({ level: 'silent' }),
    nowMs: () => 1_700_000_000_000,
    timeoutMs: 200,
    fetch: fetchFn,
    ...overrides,
  });
  return { http, limiter, contract };
}
