import { constants, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testKeys } from '../../../../test/connector/http/doubles.js';
import { Presigner } from './presigner.js';
import type { KalshiAuthHeaders } from './sign.js';

const CREATE = '/trade-api/v2/portfolio/events/orders';
const credentials = { keyId: 'key-1', privateKey: testKeys().privateKey };

/** The headers verify with the public key over their own timestamp + method + path. */
function isValidFor(headers: KalshiAuthHeaders, method: string, path: string): boolean {
  return verify(
    'sha256',
    Buffer.from(headers['KALSHI-ACCESS-TIMESTAMP'] + method + path, 'utf8'),
    { key: testKeys().publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
    Buffer.from(headers['KALSHI-ACCESS-SIGNATURE'], 'base64'),
  );
}

function presigner(clock: { now: number }, maxAgeMs = 200, idleStopMs?: number): Presigner {
  return new Presigner({
    credentials,
    nowMs: () => clock.now,
    maxAgeMs,
    hotRequests: [`POST ${CREATE}`],
    ...(idleStopMs === undefined ? {} : { idleStopMs }),
  });
}

describe('Presigner', () => {
  it('reuses a hot path signature while it is at most maxAgeMs old, then signs inline', () => {
    const clock = { now: 1_000_000 };
    const signer = presigner(clock);
    const first = signer.headersFor('POST', CREATE);
    expect(isValidFor(first, 'POST', CREATE)).toBe(true);
    clock.now += 200;
    expect(signer.headersFor('POST', CREATE)).toBe(first);
    clock.now += 1;
    const later = signer.headersFor('POST', CREATE);
    expect(later['KALSHI-ACCESS-TIMESTAMP']).toBe(String(clock.now));
    expect(isValidFor(later, 'POST', CREATE)).toBe(true);
    expect(signer.counts).toEqual({ cached: 1, inline: 2 });
    signer.close();
  });

  it('signs inline for other paths and methods, and for a clock that went backwards', () => {
    const clock = { now: 5_000 };
    const signer = presigner(clock);
    signer.headersFor('POST', CREATE);
    const cancel = signer.headersFor('DELETE', '/trade-api/v2/portfolio/orders/o1');
    expect(isValidFor(cancel, 'DELETE', '/trade-api/v2/portfolio/orders/o1')).toBe(true);
    const get = signer.headersFor('GET', CREATE);
    expect(isValidFor(get, 'GET', CREATE)).toBe(true);
    clock.now -= 10;
    expect(signer.headersFor('POST', CREATE)['KALSHI-ACCESS-TIMESTAMP']).toBe('4990');
    expect(signer.counts).toEqual({ cached: 0, inline: 2 });
    signer.close();
  });

  it('never caches with maxAgeMs 0', () => {
    const clock = { now: 7_000 };
    const signer = presigner(clock, 0);
    const a = signer.headersFor('POST', CREATE);
    const b = signer.headersFor('POST', CREATE);
    expect(b).not.toBe(a);
    expect(signer.counts).toEqual({ cached: 0, inline: 0 });
    signer.close();
  });

  it('re-signs in the background while in use, so a request after maxAgeMs still carries a fresh cached one', async () => {
    const signer = new Presigner({
      credentials,
      nowMs: () => Date.now(),
      maxAgeMs: 40,
      hotRequests: [`POST ${CREATE}`],
    });
    signer.headersFor('POST', CREATE);
    for (let i = 0; i < 5; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 30));
      const headers = signer.headersFor('POST', CREATE);
      const age = Date.now() - Number(headers['KALSHI-ACCESS-TIMESTAMP']);
      expect(age).toBeLessThanOrEqual(40);
      expect(isValidFor(headers, 'POST', CREATE)).toBe(true);
    }
    // 150 ms of requests with a 40 ms limit: most came from the background refresh.
    expect(signer.counts.cached).toBeGreaterThanOrEqual(3);
    signer.close();
  });

  it('stops refreshing once the hot path is idle: the next request signs inline', async () => {
    const signer = new Presigner({
      credentials,
      nowMs: () => Date.now(),
      maxAgeMs: 20,
      idleStopMs: 30,
      hotRequests: [`POST ${CREATE}`],
    });
    signer.headersFor('POST', CREATE);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const before = signer.counts.inline;
    signer.headersFor('POST', CREATE);
    expect(signer.counts.inline).toBe(before + 1);
    signer.close();
  });

  it('refuses a bad configuration, naming the field', () => {
    expect(() => new Presigner({ credentials, nowMs: Date.now, maxAgeMs: -1, hotRequests: [] })).toThrow(
      'maxAgeMs',
    );
    expect(
      () => new Presigner({ credentials, nowMs: Date.now, maxAgeMs: 100, hotRequests: ['POST/x'] }),
    ).toThrow('hotRequests');
  });
});
