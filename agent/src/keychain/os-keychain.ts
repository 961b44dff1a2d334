/**
 * The OS keychain, and the only module that imports @napi-rs/keyring: macOS Keychain, Windows
 * Credential Manager, or a Secret Service (GNOME Keyring, KWallet) on Linux. On Linux the store is
 * pinned to the Secret Service: left to itself the library silently falls back to the kernel
 * keyutils keyring, which is lost at reboot, and custody must never degrade silently.
 *
 * Every failure becomes AgentError KEYCHAIN_UNAVAILABLE saying why and how to enable a keychain.
 */
import { AsyncEntry } from '@napi-rs/keyring';
import { describeKeychainFailure, keychainUnavailable } from './keychain-unavailable.js';

/** Secrets of one service name (see service-name.ts), one per account. */
export interface OsKeychain {
  readonly service: string;
  read(account: string): Promise<Buffer | null>;
  write(account: string, secret: Uint8Array): Promise<void>;
  /** True when something was deleted. */
  remove(account: string): Promise<boolean>;
}

export interface OsKeychainOptions {
  platform?: NodeJS.Platform;
  /** Long enough for a desktop unlock prompt a human answers (default 60 s). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;

export function openOsKeychain(service: string, options: OsKeychainOptions = {}): OsKeychain {
  const platform = options.platform ?? process.platform;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const run = async <T>(account: string, op: (entry: AsyncEntry, signal: AbortSignal) => Promise<T>) => {
    try {
      // The constructor already talks to D-Bus on Linux and throws when no session bus answers.
      const entry = new AsyncEntry(service, account, { linux: { store: 'secret-service' } });
      return await op(entry, AbortSignal.timeout(timeoutMs));
    } catch (err) {
      const native = err instanceof Error ? err.message : String(err);
      throw keychainUnavailable(describeKeychainFailure(native), platform, err);
    }
  };

  return {
    service,
    read: (account) =>
      run(account, async (entry, signal) => {
        const secret = await entry.getSecret(signal);
        return secret === null ? null : Buffer.from(secret);
      }),
    write: (account, secret) => run(account, (entry, signal) => entry.setSecret(secret, signal)),
    remove: (account) => run(account, (entry, signal) => entry.deleteCredential(signal)),
  };
}
