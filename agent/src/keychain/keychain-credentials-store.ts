import type { CredentialsOverview, PutCredentialsRequest, StoredCredentials } from '@pt/protocol';
import { KeyedEnvironment, PutCredentialsRequest as PutRequest, formatIssuePath } from '@pt/protocol';
import { publicKeyFingerprint } from './fingerprint.js';
import { invalidField } from './invalid-field.js';
import type { OsKeychain } from './os-keychain.js';
import { openOsKeychain } from './os-keychain.js';
import { probeKeychain } from './probe.js';
import type { KeychainProbe } from './probe.js';
import { keychainServiceName } from './service-name.js';
import { decodeStoredSecret, encodeStoredSecret } from './stored-secret.js';
import type { StoredSecret } from './stored-secret.js';
import type { CredentialsStore, LoadedCredentials } from './types.js';
import { validateKalshiKey } from './validate-key.js';

export interface KeychainCredentialsStoreOptions {
  nowMs?: () => number;
  platform?: NodeJS.Platform;
}

/** The keychain account of an environment; anything but demo/live is refused by name. */
function account(environment: string): string {
  if (!KeyedEnvironment.safeParse(environment).success) {
    throw invalidField('environment', 'expected demo or live (only these take Kalshi keys)');
  }
  return `kalshi-${environment}`;
}

function shown(environment: KeyedEnvironment, secret: StoredSecret): StoredCredentials {
  return {
    environment,
    keyId: secret.keyId,
    fingerprint: publicKeyFingerprint(secret.privateKey),
    keyBits: secret.privateKey.asymmetricKeyDetails?.modulusLength ?? 0,
    storedAtMs: secret.storedAtMs,
  };
}

/**
 * Kalshi keys per environment in the OS keychain, one secret per environment (see
 * stored-secret.ts) and nothing anywhere else: no file, no database row, no log line. What comes
 * back out is the key id, the public-key fingerprint, the size and the import time.
 */
export class KeychainCredentialsStore implements CredentialsStore {
  private readonly nowMs: () => number;
  private readonly platform: NodeJS.Platform;

  constructor(
    private readonly keychain: OsKeychain,
    options: KeychainCredentialsStoreOptions = {},
  ) {
    this.nowMs = options.nowMs ?? Date.now;
    this.platform = options.platform ?? process.platform;
  }

  /** Whether keys can be stored here, for a clear start-up line (see probe.ts). */
  probe(): Promise<KeychainProbe> {
    return probeKeychain(this.keychain, this.platform);
  }

  async overview(): Promise<CredentialsOverview> {
    const probe = await this.probe();
    if (!probe.available) return { keychain: probe, credentials: [] };
    const credentials: StoredCredentials[] = [];
    for (const environment of KeyedEnvironment.options) {
      const secret = await this.read(environment);
      if (secret !== null) credentials.push(shown(environment, secret));
    }
    return { keychain: probe, credentials };
  }

  async put(request: PutCredentialsRequest): Promise<StoredCredentials> {
    const parsed = PutRequest.safeParse(request);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw invalidField(formatIssuePath(issue?.path ?? []), issue?.message ?? 'invalid input');
    }
    const { environment, keyId, privateKeyPem } = parsed.data;
    const key = validateKalshiKey(keyId, privateKeyPem);
    const secret: StoredSecret = { keyId: key.keyId, storedAtMs: this.nowMs(), privateKey: key.privateKey };
    await this.keychain.write(account(environment), encodeStoredSecret(secret));
    return shown(environment, secret);
  }

  async load(environment: KeyedEnvironment): Promise<LoadedCredentials | null> {
    const secret = await this.read(environment);
    return secret === null ? null : { environment, keyId: secret.keyId, privateKey: secret.privateKey };
  }

  delete(environment: KeyedEnvironment): Promise<boolean> {
    return this.keychain.remove(account(environment));
  }

  private async read(environment: KeyedEnvironment): Promise<StoredSecret | null> {
    const bytes = await this.keychain.read(account(environment));
    return bytes === null ? null : decodeStoredSecret(bytes, environment);
  }
}

/** The store of the agent whose data dir this is (the service name is namespaced by it). */
export function openKeychainCredentialsStore(
  dataDir: string,
  options: KeychainCredentialsStoreOptions = {},
): KeychainCredentialsStore {
  const keychain = openOsKeychain(keychainServiceName(dataDir), {
    ...(options.platform === undefined ? {} : { platform: options.platform }),
  });
  return new KeychainCredentialsStore(keychain, options);
}
