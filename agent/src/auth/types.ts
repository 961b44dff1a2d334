import type { DeviceId } from '@pt/protocol';

/** A paired browser, as the API and the stream see it once its bearer token checked out. */
export interface AuthenticatedDevice {
  readonly deviceId: DeviceId;
  readonly name: string;
  /** The origin that paired; requests carrying this token from another origin are refused. */
  readonly origin: string;
}

/**
 * Checks a bearer token (constant-time against stored SHA-256 hashes), refreshes the device's
 * last-used time and returns the device, or null for an unknown, revoked or idle-expired token.
 */
export interface TokenVerifier {
  verify(token: string): AuthenticatedDevice | null;
}

/** Revocation takes effect at once: listeners (the WS stream) close that device's sockets. */
export interface DeviceRevocations {
  onRevoked(listener: (deviceId: DeviceId) => void): () => void;
}

/** Why a token was refused: the bearer middleware tells the browser which, so it can re-pair. */
export type TokenRefusal = 'unknown' | 'revoked' | 'expired';

export type TokenCheck =
  | { readonly ok: true; readonly device: AuthenticatedDevice }
  | { readonly ok: false; readonly reason: TokenRefusal };

/**
 * The registry as the bearer middleware uses it: `check` says who (or why not) without side
 * effects beyond removing an expired device; `touch` records the use once the request is accepted.
 */
export interface TokenChecker extends TokenVerifier {
  check(token: string): TokenCheck;
  touch(deviceId: DeviceId): void;
}
