/** Kalshi key custody in the OS keychain (see keychain-credentials-store.ts and os-keychain.ts). */
export type { CredentialsStore, LoadedCredentials } from './types.js';
export { KeychainCredentialsStore, openKeychainCredentialsStore } from './keychain-credentials-store.js';
export type { KeychainCredentialsStoreOptions } from './keychain-credentials-store.js';
export { openOsKeychain } from './os-keychain.js';
export type { OsKeychain, OsKeychainOptions } from './os-keychain.js';
export { probeKeychain } from './probe.js';
export type { KeychainProbe } from './probe.js';
export { keychainServiceName } from './service-name.js';
export { keychainHowTo, keychainUnavailable } from './keychain-unavailable.js';
export { publicKeyFingerprint } from './fingerprint.js';
export { MIN_KEY_BITS, validateKalshiKey, validateKeyId } from './validate-key.js';
export type { ValidatedKey } from './validate-key.js';
