import type { KeyObject } from 'node:crypto';
import type {
  CredentialsOverview,
  KeyedEnvironment,
  PutCredentialsRequest,
  StoredCredentials,
} from '@pt/protocol';

/** A Kalshi key loaded for signing. The private key stays a KeyObject, never PEM text. */
export interface LoadedCredentials {
  readonly environment: KeyedEnvironment;
  readonly keyId: string;
  readonly privateKey: KeyObject;
}

/**
 * Kalshi keys per environment, kept in the OS keychain and nowhere else. Every method rejects with
 * AgentError KEYCHAIN_UNAVAILABLE when no keychain answers (never a plaintext fallback) and `put`
 * with VALIDATION_FAILED naming the field for a bad key id or PEM.
 */
export interface CredentialsStore {
  overview(): Promise<CredentialsOverview>;
  put(request: PutCredentialsRequest): Promise<StoredCredentials>;
  load(environment: KeyedEnvironment): Promise<LoadedCredentials | null>;
  /** True when something was deleted. */
  delete(environment: KeyedEnvironment): Promise<boolean>;
}
