/**
 * How a collector gets its payload. `HttpFetcher` does a polite conditional GET (ETag /
 * Last-Modified remembered between polls, a timeout, a User-Agent, optional auth header);
 * `FileFetcher` reads a bundled file, the offline default, so both go through the same parser.
 */
import { readFile } from 'node:fs/promises';

export type FetchOutcome =
  | { kind: 'body'; body: string }
  | { kind: 'not-modified' }
  /** The server asked us to wait (429/503 with Retry-After). */
  | { kind: 'retry-after'; delayMs: number; detail: string };

export interface Fetcher {
  /** Where it reads from, for logs and health. */
  readonly target: string;
  fetch(): Promise<FetchOutcome>;
}

export class FetchError extends Error {
  override name = 'FetchError';
}

export const USER_AGENT = 'omni-vibe/0.1 (+https://github.com/predictiontrader; sentiment collector)';

export interface HttpFetcherOptions {
  url: string;
  timeoutMs: number;
  /** Extra headers, e.g. `Authorization: Bot …` for Discord. */
  headers?: Record<string, string>;
}

export class HttpFetcher implements Fetcher {
  readonly target: string;
  private etag: string | null = null;
  private lastModified: string | null = null;

  constructor(private readonly options: HttpFetcherOptions) {
    this.target = options.url;
  }

  async fetch(): Promise<FetchOutcome> {
    const headers: Record<string, string> = { 'user-agent': USER_AGENT, ...this.options.headers };
    if (this.etag !== null) headers['if-none-match'] = this.etag;
    if (this.lastModified !== null) headers['if-modified-since'] = this.lastModified;
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        headers,
        signal: AbortSignal.timeout(this.options.timeoutMs),
        redirect: 'follow',
      });
    } catch (err) {
      const isTimeout = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      throw new FetchError(
        isTimeout ? `timed out after ${this.options.timeoutMs} ms` : `request failed: ${String(err)}`,
      );
    }
    if (response.status === 304) {
      await response.body?.cancel();
      return { kind: 'not-modified' };
    }
    if (response.status === 429 || response.status === 503) {
      await response.body?.cancel();
      const delayMs = retryAfterMs(response.headers.get('retry-after'));
      if (delayMs !== null) return { kind: 'retry-after', delayMs, detail: `HTTP ${response.status}` };
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new FetchError(`HTTP ${response.status}`);
    }
    let body: string;
    try {
      body = await response.text();
    } catch (err) {
      throw new FetchError(`body read failed: ${String(err)}`);
    }
    this.etag = response.headers.get('etag');
    this.lastModified = response.headers.get('last-modified');
    return { kind: 'body', body };
  }
}

/** Retry-After as seconds or an HTTP date → ms from now (capped at an hour), null if absent or bad. */
export function retryAfterMs(value: string | null, nowMs = Date.now()): number | null {
  if (value === null) return null;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - nowMs;
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, 3_600_000) : null;
}

export class FileFetcher implements Fetcher {
  constructor(readonly target: string) {}

  async fetch(): Promise<FetchOutcome> {
    try {
      return { kind: 'body', body: await readFile(this.target, 'utf8') };
    } catch (err) {
      throw new FetchError(`cannot read ${this.target}: ${String(err)}`);
    }
  }
}
