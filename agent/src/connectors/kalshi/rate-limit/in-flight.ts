/**
 * Granted requests whose answer has not arrived yet. The venue charges a request when it processes
 * it, so until the caller reports the answer (`RequestLimiter.onSettled`) its tokens may still be
 * in the venue's bucket (token-bucket.ts explains why that matters). A grant nobody reports is
 * settled by timeout, so a caller that never reports slows the limiter down but cannot lock it.
 */
import type { LimiterClock } from './limiter-clock.js';
import type { TokenRequest } from './types.js';

interface Grant {
  readonly request: TokenRequest;
  readonly timer: unknown;
}

export class InFlightGrants {
  // Keyed by the caller's request object: the same object goes to acquire and to onSettled.
  private readonly grants = new Map<TokenRequest, Grant[]>();

  constructor(
    private readonly clock: LimiterClock,
    private readonly timeoutMs: number,
    private readonly onSettle: (request: TokenRequest) => void,
  ) {}

  add(request: TokenRequest): void {
    const grant: Grant = {
      request,
      timer: this.clock.setTimer(() => {
        if (this.remove(request, grant)) this.onSettle(request);
      }, this.timeoutMs),
    };
    const list = this.grants.get(request);
    if (list === undefined) this.grants.set(request, [grant]);
    else list.push(grant);
  }

  /** Settles the oldest grant of `request`; false if none is in flight (unknown or timed out). */
  settle(request: TokenRequest): boolean {
    const grant = this.grants.get(request)?.[0];
    if (grant === undefined || !this.remove(request, grant)) return false;
    this.clock.clearTimer(grant.timer);
    this.onSettle(request);
    return true;
  }

  /** Forgets every grant without settling (shutdown). */
  clear(): void {
    for (const list of this.grants.values()) for (const grant of list) this.clock.clearTimer(grant.timer);
    this.grants.clear();
  }

  private remove(request: TokenRequest, grant: Grant): boolean {
    const list = this.grants.get(request);
    const index = list?.indexOf(grant) ?? -1;
    if (list === undefined || index < 0) return false;
    list.splice(index, 1);
    if (list.length === 0) this.grants.delete(request);
    return true;
  }
}
