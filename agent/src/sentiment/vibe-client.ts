/**
 * One request to the vibe service: `GET /v1/sentiment?topics=…` with the API key, a timeout, and
 * the answer parsed with the protocol schema. Outcomes are values: a response that does not
 * parse (a topic missing `generated_at` or `ttl_s`, a score out of range) is `unavailable`
 * exactly like a refused connection; the caller never sees unparsed data.
 */
import { SENTIMENT_PATH, SentimentResponse, fieldIssues } from '@pt/protocol';

export type VibeFailure = 'unreachable' | 'timeout' | 'http' | 'contract';

export type VibeFetchResult =
  | { ok: true; response: SentimentResponse; receivedAtMs: number }
  | { ok: false; failure: VibeFailure; detail: string; retryAfterMs: number | null };

export interface VibeClientOptions {
  /** Service origin, e.g. `http://127.0.0.1:47831` (a path prefix is kept). */
  url: string;
  apiKey?: string;
  timeoutMs: number;
  nowMs?: () => number;
}

export class VibeClient {
  private readonly nowMs: () => number;

  constructor(private readonly options: VibeClientOptions) {
    this.nowMs = options.nowMs ?? Date.now;
  }

  async fetchSentiment(topics: readonly string[]): Promise<VibeFetchResult> {
    const url = new URL(`${this.options.url.replace(/\/$/, '')}${SENTIMENT_PATH}`);
    url.searchParams.set('topics', topics.join(','));
    let response: Response;
    try {
      response = await fetch(url, {
        headers: {
          accept: 'application/json',
          ...(this.options.apiKey === undefined ? {} : { authorization: `Bearer ${this.options.apiKey}` }),
        },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (err) {
      const isTimeout = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      return isTimeout
        ? {
            ok: false,
            failure: 'timeout',
            detail: `no answer within ${this.options.timeoutMs} ms`,
            retryAfterMs: null,
          }
        : { ok: false, failure: 'unreachable', detail: causeOf(err), retryAfterMs: null };
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (err) {
      return {
        ok: false,
        failure: 'contract',
        detail: `HTTP ${response.status}, body is not JSON (${causeOf(err)})`,
        retryAfterMs: null,
      };
    }
    if (!response.ok) {
      const seconds = Number(response.headers.get('retry-after'));
      const message =
        typeof body === 'object' && body !== null && 'message' in body ? String(body.message) : '';
      return {
        ok: false,
        failure: 'http',
        detail: `HTTP ${response.status}${message === '' ? '' : `: ${message}`}`,
        retryAfterMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null,
      };
    }
    const parsed = SentimentResponse.safeParse(body);
    if (!parsed.success) {
      const first = fieldIssues(parsed.error)[0];
      return {
        ok: false,
        failure: 'contract',
        detail: `response does not match the sentiment contract at ${first?.field ?? '(root)'}: ${first?.message ?? 'invalid'}`,
        retryAfterMs: null,
      };
    }
    return { ok: true, response: parsed.data, receivedAtMs: this.nowMs() };
  }
}

function causeOf(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return `${err.message}${cause}`;
}
