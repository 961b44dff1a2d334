import { randomBytes } from 'node:crypto';
import { isAgentError } from '../lib/errors.js';
import type { OsKeychain } from './os-keychain.js';

export interface KeychainProbe {
  readonly available: boolean;
  /** What answers (or why nothing does, and how to enable a keychain). */
  readonly detail: string;
}

function storeName(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'the macOS keychain';
  if (platform === 'win32') return 'the Windows Credential Manager';
  return 'the Secret Service';
}

/**
 * Writes, reads back and deletes a throwaway secret: a Secret Service that answers reads but has
 * no unlocked default keyring would pass a read-only check and then fail the first import. Each
 * probe uses its own entry, so two at once (two browser requests) never read each other's marker.
 */
export async function probeKeychain(
  keychain: OsKeychain,
  platform: NodeJS.Platform = process.platform,
): Promise<KeychainProbe> {
  const account = `probe-${randomBytes(6).toString('hex')}`;
  const marker = Buffer.from(`probe ${Date.now()}`, 'utf8');
  try {
    await keychain.write(account, marker);
    const back = await keychain.read(account);
    await keychain.remove(account);
    if (back === null || !back.equals(marker)) {
      return { available: false, detail: `${storeName(platform)} did not return what was stored` };
    }
    return { available: true, detail: `Kalshi keys are kept in ${storeName(platform)}` };
  } catch (err) {
    if (isAgentError(err) && err.code === 'KEYCHAIN_UNAVAILABLE')
      return { available: false, detail: err.message };
    throw err;
  }
}
