import type { KeyObject } from 'node:crypto';

/**
 * A Kalshi API key as the keychain module hands it over: the key id and the RSA private key as a
 * KeyObject, never as PEM text, so it cannot end up in a log line or an error message by accident.
 */
export interface KalshiCredentials {
  readonly keyId: string;
  readonly privateKey: KeyObject;
}
