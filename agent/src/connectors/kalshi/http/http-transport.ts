/**
 * One signed request to the Kalshi REST API: wait for rate-limit tokens, sign, send with a
 * timeout, classify any failure with the one table (classify.ts). 429s are retried after the
 * bucket refills (a 429 means the venue did not accept the request, so writes are retried too).
 * Nothing else is retried here: a failed write is `outcome_unknown` and belongs to reconciliation.
 */
import type { Logger } from 'pino';
import type { RateBucket, RequestLimiter, RequestPriority, TokenRequest } from '../rate-limit/types.js';
import { classifyStatus, classifyTransport, isSuccessStatus } from './classify.js';
import type { RequestKind, TransportFailure } from './classify.js';
import { KalshiRequestError } from './request-error.js';
import type { Presigner } from './presigner.js';
import { readVenueError } from './venue-error.js';

/** Bucket and token cost of a request; K2's `EndpointCostTable` implements it. */
export interface RequestCharger {
  charge(method: string, apiPath: string, itemCount?: number): { bucket: RateBucket; cost: number };
}

export type QueryValue = string | number | boolean | readonly string[] | undefined;

export interface TransportRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path template relative to `/trade-api/v2`, e.g. `/markets/:ticker` (names the endpoint). */
  template: string;
  /** Template parameters, URL-encoded when substituted. */
  params?: Record<string, string>;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Items in a `/batched` body (tokens are charged per item). */
  itemCount?: number;
  priority: RequestPriority;
  signal?: AbortSignal;
}

export interface TransportResponse {
  status: number;
  /** Parsed JSON, or undefined for an empty body (204). */
  body: unknown;
  endpoint: string;
  /** Anything but GET: a 2xx the client cannot read may still have changed venue state. */
  isWrite: boolean;
}

export interface HttpTransportOptions {
  baseUrl: string;
  /** Signs every request: a cached signature on its hot paths, inline otherwise (presigner.ts). */
  signer: Pick<Presigner, 'headersFor'>;
  limiter: RequestLimiter;
  charger: RequestCharger;
  logger: Logger;
  timeoutMs: number;
  fetch: typeof fetch;
  /** 429s in a row before giving up with a `rate_limited` error. */
  maxRateLimitRetries: number;
}

export class HttpTransport {
  private readonly apiPrefix: string;
  private readonly origin: string;

  constructor(private readonly options: HttpTransportOptions) {
    const url = new URL(options.baseUrl);
    this.origin = url.origin;
    this.apiPrefix = url.pathname.replace(/\/+$/, '');
  }

  async send(request: TransportRequest): Promise<TransportResponse> {
    const endpoint = `${request.method} ${request.template}`;
    const path = fillTemplate(request.template, request.params ?? {});
    const kind: RequestKind = request.method === 'GET' ? 'read' : 'write';
    const charge = this.options.charger.charge(request.method, path, request.itemCount);
    for (let attempt = 0; ; attempt++) {
      const tokens: TokenRequest = {
        bucket: charge.bucket,
        cost: charge.cost,
        priority: request.priority,
        ...(request.signal === undefined ? {} : { signal: request.signal }),
      };
      await this.options.limiter.acquire(tokens);
      let response: TransportResponse;
      try {
        response = await this.attempt(request, path, endpoint, kind);
      } finally {
        // The venue charges when it processes a request; until the answer arrives the limiter
        // holds those tokens as in flight so a backed-up venue queue cannot turn into 429s.
        this.options.limiter.onSettled?.(tokens);
      }
      if (response.status !== 429) return this.checkStatus(response, kind);
      this.options.limiter.onRateLimited(charge.bucket);
      this.options.logger.warn(
        { endpoint, attempt },
        'venue answered 429; retrying after the bucket refills',
      );
      if (attempt >= this.options.maxRateLimitRetries) return this.checkStatus(response, kind);
    }
  }

  private async attempt(
    request: TransportRequest,
    path: string,
    endpoint: string,
    kind: RequestKind,
  ): Promise<TransportResponse> {
    const signedPath = this.apiPrefix + path;
    const headers: Record<string, string> = {
      ...this.options.signer.headersFor(request.method, signedPath),
      accept: 'application/json',
    };
    const hasBody = request.body !== undefined;
    if (hasBody) headers['content-type'] = 'application/json';
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = request.signal === undefined ? timeout : AbortSignal.any([timeout, request.signal]);
    const url = this.origin + signedPath + queryString(request.query ?? {});
    try {
      const res = await this.options.fetch(url, {
        method: request.method,
        headers,
        ...(hasBody ? { body: JSON.stringify(request.body) } : {}),
        signal,
      });
      // The body is read under the same signal: a response that stalls mid-body is a timeout too.
      const text = await res.text();
      return {
        status: res.status,
        body: parseBody(text, res.status, endpoint, kind),
        endpoint,
        isWrite: kind === 'write',
      };
    } catch (error) {
      if (error instanceof KalshiRequestError) throw error;
      const failure: TransportFailure = timeout.aborted ? 'timeout' : 'connection';
      const failureKind = classifyTransport(failure, kind);
      this.options.logger.warn({ endpoint, failure, kind: failureKind }, 'venue request failed in transit');
      throw new KalshiRequestError({
        kind: failureKind,
        endpoint,
        httpStatus: undefined,
        venueCode: undefined,
        venueMessage: undefined,
        message:
          failureKind === 'outcome_unknown'
            ? `${endpoint}: ${failure} before an answer; the write may or may not have been accepted`
            : `${endpoint}: ${failure} before an answer`,
        cause: error,
      });
    }
  }

  private checkStatus(response: TransportResponse, kind: RequestKind): TransportResponse {
    if (isSuccessStatus(response.status)) return response;
    const failureKind = classifyStatus(response.status, kind);
    const venue = readVenueError(response.body);
    const hint =
      failureKind === 'auth'
        ? ' (check the key id and key, and the clock: Kalshi rejects signatures with a skewed timestamp)'
        : '';
    const what =
      venue === undefined ? '' : `: ${venue.code}${venue.details === undefined ? '' : ` (${venue.details})`}`;
    this.options.logger.warn(
      { endpoint: response.endpoint, status: response.status, venueCode: venue?.code, kind: failureKind },
      'venue request failed',
    );
    throw new KalshiRequestError({
      kind: failureKind,
      endpoint: response.endpoint,
      httpStatus: response.status,
      venueCode: venue?.code,
      venueMessage: venue?.message,
      message: `${response.endpoint}: HTTP ${response.status}${what}${hint}`,
    });
  }
}

function parseBody(text: string, status: number, endpoint: string, kind: RequestKind): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    // A non-JSON error page (a proxy's HTML 502) is still classified by its status.
    if (!isSuccessStatus(status)) return undefined;
    throw new KalshiRequestError({
      kind: 'contract',
      endpoint,
      httpStatus: status,
      venueCode: undefined,
      venueMessage: undefined,
      field: '(body)',
      isOutcomeUnknown: kind === 'write',
      message: `${endpoint}: HTTP ${status} with a body that is not JSON`,
      cause: error,
    });
  }
}

function fillTemplate(template: string, params: Record<string, string>): string {
  return template.replace(/:([a-z_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '')
      throw new Error(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(value);
  });
}

/** Arrays are comma-joined (Kalshi's `tickers=A,B`); undefined values are left out. */
export function queryString(query: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (typeof value === 'object') {
      if (value.length > 0) search.set(key, value.join(','));
    } else search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
