/**
 * Signatures off the order hot path. Kalshi signs `timestamp + METHOD + path` and never the body,
 * so the signature of a fixed (method, path), such as `POST …/portfolio/events/orders`, can be made
 * before the order exists. RSA-PSS with a 2048-bit key costs ~0.25-0.3 ms of CPU
 * (agent/bench/order-stages.ts), a large share of a 2 ms delta → order budget.
 *
 * For the listed hot paths a background timer keeps a signature at most `maxAgeMs` old (re-signed
 * every `maxAgeMs / 2`). A request takes it when it is that fresh and signs inline otherwise, so a
 * late timer (a busy event loop) costs time, never a stale signature. The timer runs only while a
 * hot path is in use: it stops `idleStopMs` after the last request on it (the next request signs
 * inline and starts it again) and is unref'd (it never keeps the process alive).
 *
 * Kalshi's timestamp tolerance is undocumented (kalshi-api.md §2); the simulator accepts 5 s. The
 * default age of 200 ms keeps far inside any plausible window; `maxAgeMs: 0` turns caching off.
 * Signatures are only ever placed in headers, never logged.
 */
import type { KalshiCredentials } from '../credentials.js';
import { signKalshiRequest, type KalshiAuthHeaders } from './sign.js';

export interface PresignerOptions {
  credentials: KalshiCredentials;
  nowMs: () => number;
  /** Oldest cached signature a request may carry (ms); 0 = always sign inline. */
  maxAgeMs: number;
  /** Full signed paths (with `/trade-api/v2`) per method, e.g. `POST /trade-api/v2/portfolio/events/orders`. */
  hotRequests: readonly string[];
  /** Stop refreshing this long after the last request on any hot path (default 30 s). */
  idleStopMs?: number;
}

interface Entry {
  method: string;
  path: string;
  headers: KalshiAuthHeaders | undefined;
  signedAtMs: number;
  lastUsedMs: number;
}

export const DEFAULT_PRESIGN_MAX_AGE_MS = 200;
const DEFAULT_IDLE_STOP_MS = 30_000;

export class Presigner {
  private readonly entries = new Map<string, Entry>();
  private timer: NodeJS.Timeout | undefined;
  private readonly idleStopMs: number;
  /** Requests that carried a cached signature / signed inline (for the bench and tests). */
  readonly counts = { cached: 0, inline: 0 };

  constructor(private readonly options: PresignerOptions) {
    if (!Number.isInteger(options.maxAgeMs) || options.maxAgeMs < 0)
      throw new RangeError(`presign maxAgeMs must be a non-negative integer, got ${options.maxAgeMs}`);
    this.idleStopMs = options.idleStopMs ?? DEFAULT_IDLE_STOP_MS;
    for (const request of options.hotRequests) {
      const space = request.indexOf(' ');
      if (space <= 0) throw new RangeError(`presign hotRequests: expected "METHOD /path", got ${request}`);
      const method = request.slice(0, space).toUpperCase();
      const path = request.slice(space + 1);
      this.entries.set(method + ' ' + path, {
        method,
        path,
        headers: undefined,
        signedAtMs: 0,
        lastUsedMs: 0,
      });
    }
  }

  /** The auth headers for one request: a cached signature when fresh enough, else signed now. */
  headersFor(method: string, path: string): KalshiAuthHeaders {
    const nowMs = this.options.nowMs();
    const entry = this.options.maxAgeMs === 0 ? undefined : this.entries.get(method + ' ' + path);
    if (entry === undefined) return signKalshiRequest(this.options.credentials, method, path, nowMs);
    entry.lastUsedMs = nowMs;
    const age = nowMs - entry.signedAtMs;
    if (entry.headers !== undefined && age >= 0 && age <= this.options.maxAgeMs) {
      this.counts.cached += 1;
      this.ensureTimer();
      return entry.headers;
    }
    this.counts.inline += 1;
    const headers = this.sign(entry, nowMs);
    this.ensureTimer();
    return headers;
  }

  /** Stops the refresh timer (it also stops by itself when the hot paths go idle). */
  close(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private sign(entry: Entry, nowMs: number): KalshiAuthHeaders {
    const headers = signKalshiRequest(this.options.credentials, entry.method, entry.path, nowMs);
    entry.headers = headers;
    entry.signedAtMs = nowMs;
    return headers;
  }

  private ensureTimer(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(this.refresh, Math.max(1, Math.floor(this.options.maxAgeMs / 2)));
    this.timer.unref();
  }

  private readonly refresh = (): void => {
    const nowMs = this.options.nowMs();
    let isInUse = false;
    for (const entry of this.entries.values()) {
      if (entry.headers === undefined || nowMs - entry.lastUsedMs > this.idleStopMs) continue;
      isInUse = true;
      this.sign(entry, nowMs);
    }
    if (!isInUse) this.close();
  };
}
