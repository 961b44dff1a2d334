import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeCrockford } from './crockford.js';
import type { IssuedPairingCode } from './pairing-codes.js';
import { MAX_PAIRING_ATTEMPTS, PAIRING_CODE_TTL_MS, PairingCodes } from './pairing-codes.js';

function clock(startMs = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = startMs;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('PairingCodes', () => {
  it('issues an 8-character Crockford code, grouped, valid about two minutes', () => {
    const time = clock();
    const codes = new PairingCodes({ now: time.now });
    const issued = codes.issue();
    expect(issued.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(issued.expiresAtMs).toBe(time.now() + PAIRING_CODE_TTL_MS);
    expect(PAIRING_CODE_TTL_MS).toBe(120_000);
  });

  it('redeems the current code once, in any case and with or without the dash', () => {
    const codes = new PairingCodes();
    const { code } = codes.issue();
    expect(codes.redeem(` ${code.toLowerCase().replace('-', ' ')} `)).toEqual({ ok: true });
    expect(codes.redeem(code)).toEqual({ ok: false, reason: 'none' });
  });

  it('maps I/L to 1 and O to 0 when the code holds those digits', () => {
    // Try fresh codes until one has a 0 or a 1 in it (about 9 in 10 do).
    const codes = new PairingCodes();
    let issued = codes.issue();
    while (!/[01]/.test(issued.code)) issued = codes.issue();
    const typed = issued.code.replace(/0/g, 'o').replace(/1/g, 'l');
    expect(codes.redeem(typed)).toEqual({ ok: true });
  });

  it('refuses a code when none was issued', () => {
    expect(new PairingCodes().redeem('ABCD-EFGH')).toEqual({ ok: false, reason: 'none' });
  });

  it('counts wrong tries, then burns the code and issues a new one', () => {
    const codes = new PairingCodes();
    const heard: IssuedPairingCode[] = [];
    codes.onIssued((issued) => heard.push(issued));
    const first = codes.issue();
    expect(heard).toEqual([first]);
    const wrong = first.code.startsWith('0') ? '1111-1111' : '0000-0000';
    for (let left = MAX_PAIRING_ATTEMPTS - 1; left >= 1; left -= 1) {
      expect(codes.redeem(wrong)).toEqual({ ok: false, reason: 'wrong', remainingAttempts: left });
    }
    expect(codes.redeem(wrong)).toEqual({ ok: false, reason: 'burned' });
    expect(heard).toHaveLength(2);
    const second = heard[1];
    if (second === undefined) throw new Error('no second code');
    expect(second.code).not.toBe(first.code);
    // The burned code is dead even though it was right; the new one works.
    expect(codes.redeem(first.code)).toMatchObject({ ok: false, reason: 'wrong' });
    expect(codes.redeem(second.code)).toEqual({ ok: true });
  });

  it('refuses an expired code and forgets it', () => {
    const time = clock();
    const codes = new PairingCodes({ now: time.now });
    const { code } = codes.issue();
    time.advance(PAIRING_CODE_TTL_MS);
    expect(codes.redeem(code)).toEqual({ ok: false, reason: 'expired' });
    expect(codes.redeem(code)).toEqual({ ok: false, reason: 'none' });
  });

  it('accepts the code until the last millisecond', () => {
    const time = clock();
    const codes = new PairingCodes({ now: time.now });
    const { code } = codes.issue();
    time.advance(PAIRING_CODE_TTL_MS - 1);
    expect(codes.redeem(code)).toEqual({ ok: true });
  });

  it('a new code replaces the old one at once', () => {
    const codes = new PairingCodes();
    const old = codes.issue();
    const fresh = codes.issue();
    expect(codes.redeem(old.code)).toMatchObject({ ok: false, reason: 'wrong' });
    expect(codes.redeem(fresh.code)).toEqual({ ok: true });
  });

  it('unsubscribed listeners hear nothing more', () => {
    const codes = new PairingCodes();
    let calls = 0;
    const off = codes.onIssued(() => (calls += 1));
    codes.issue();
    off();
    codes.issue();
    expect(calls).toBe(1);
  });

  it('random strings never redeem, except the real code', () => {
    const codes = new PairingCodes({ maxAttempts: Number.MAX_SAFE_INTEGER });
    const { code } = codes.issue();
    const canonical = normalizeCrockford(code);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9A-Za-z -]{6,14}$/)), (input) => {
        const result = codes.redeem(input);
        expect(result.ok).toBe(normalizeCrockford(input) === canonical);
      }),
      { numRuns: 5_000 },
    );
    expect(codes.redeem(code)).toEqual({ ok: true });
  });
});
