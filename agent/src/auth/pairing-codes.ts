import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { encodeCrockford, groupCode, normalizeCrockford } from './crockford.js';

/** 5 random bytes = 8 Crockford characters = 40 bits; with 5 tries per code a guess wins 5 in 2^40. */
const CODE_BYTES = 5;
export const PAIRING_CODE_TTL_MS = 2 * 60_000;
export const MAX_PAIRING_ATTEMPTS = 5;

/** A freshly issued code, grouped for display (`ABCD-EFGH`). Shown by the agent, never over the API. */
export interface IssuedPairingCode {
  readonly code: string;
  readonly expiresAtMs: number;
}

export type RedeemResult =
  | { readonly ok: true }
  /** Wrong code: counted; `remainingAttempts` more wrong tries burn the code. */
  | { readonly ok: false; readonly reason: 'wrong'; readonly remainingAttempts: number }
  /** The code is past its ~2 minutes, or was already used, or none was ever issued. */
  | { readonly ok: false; readonly reason: 'expired' | 'none' }
  /** That was the last allowed wrong try: the code is burned and a new one has been issued. */
  | { readonly ok: false; readonly reason: 'burned' };

export interface PairingCodesOptions {
  now?: () => number;
  ttlMs?: number;
  maxAttempts?: number;
}

interface CurrentCode {
  /** SHA-256 of the canonical code: compared with timingSafeEqual, equal lengths whatever was typed. */
  readonly digest: Buffer;
  readonly expiresAtMs: number;
  failures: number;
}

function digestOf(canonical: string): Buffer {
  return createHash('sha256').update(canonical, 'utf8').digest();
}

/**
 * The one current pairing code: single use, short-lived, a handful of tries. Listeners hear about
 * every new code (start-up, `pt-agent pair`, a burn) so the agent can show it in its terminal or
 * tray; nothing here logs it.
 */
export class PairingCodes {
  private current: CurrentCode | undefined;
  private readonly listeners = new Set<(issued: IssuedPairingCode) => void>();
  private readonly now: () => number;
  private readonly ttlMs: number;
  private readonly maxAttempts: number;

  constructor(options: PairingCodesOptions = {}) {
    this.now = options.now ?? Date.now;
    this.ttlMs = options.ttlMs ?? PAIRING_CODE_TTL_MS;
    this.maxAttempts = options.maxAttempts ?? MAX_PAIRING_ATTEMPTS;
  }

  /** Replace the current code with a fresh one (the old one stops working at once). */
  issue(): IssuedPairingCode {
    const canonical = encodeCrockford(randomBytes(CODE_BYTES));
    const expiresAtMs = this.now() + this.ttlMs;
    this.current = { digest: digestOf(canonical), expiresAtMs, failures: 0 };
    const issued = { code: groupCode(canonical), expiresAtMs };
    for (const listener of this.listeners) listener(issued);
    return issued;
  }

  /** Called with every new code; returns an unsubscribe function. */
  onIssued(listener: (issued: IssuedPairingCode) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Try a code typed by the user. Success consumes it; wrong tries count against it. */
  redeem(input: string): RedeemResult {
    const current = this.current;
    if (current === undefined) return { ok: false, reason: 'none' };
    if (this.now() >= current.expiresAtMs) {
      this.current = undefined;
      return { ok: false, reason: 'expired' };
    }
    if (timingSafeEqual(digestOf(normalizeCrockford(input)), current.digest)) {
      this.current = undefined;
      return { ok: true };
    }
    current.failures += 1;
    const remainingAttempts = this.maxAttempts - current.failures;
    if (remainingAttempts > 0) return { ok: false, reason: 'wrong', remainingAttempts };
    this.issue();
    return { ok: false, reason: 'burned' };
  }
}
