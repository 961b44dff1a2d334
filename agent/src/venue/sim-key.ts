import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * The agent's API key on the LOCAL SIMULATOR only. It opens no account anywhere else, so it lives
 * in the data dir (mode 0600) rather than the OS keychain, which holds the demo and live keys.
 * Created on first use, then reused so the sim account stays the same across restarts.
 */
export interface SimKey {
  keyId: string;
  privateKey: KeyObject;
  publicKeyPem: string;
}

export const SIM_KEY_FILE = 'sim-api-key.json';

const StoredSimKey = z.strictObject({
  key_id: z.string().min(1),
  private_key_pem: z.string().startsWith('-----BEGIN PRIVATE KEY-----'),
});

export function loadOrCreateSimKey(dataDir: string): SimKey {
  const file = join(dataDir, SIM_KEY_FILE);
  if (existsSync(file)) {
    const parsed = StoredSimKey.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success)
      throw new Error(`${file}: not a simulator key file (${parsed.error.issues[0]?.message})`);
    const privateKey = createPrivateKey(parsed.data.private_key_pem);
    return { keyId: parsed.data.key_id, privateKey, publicKeyPem: publicPem(privateKey) };
  }
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyId = randomUUID();
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  writeFileSync(file, JSON.stringify({ key_id: keyId, private_key_pem: pem }), { mode: 0o600, flag: 'wx' });
  return { keyId, privateKey, publicKeyPem: publicPem(privateKey) };
}

function publicPem(privateKey: KeyObject): string {
  return createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
}
