import { constants, sign, verify, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIM_KEY_FILE, loadOrCreateSimKey } from './sim-key.js';

describe('loadOrCreateSimKey', () => {
  it('creates a 0600 key file once and returns the same working key afterwards', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pt-simkey-'));
    const first = loadOrCreateSimKey(dir);
    const file = join(dir, SIM_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = loadOrCreateSimKey(dir);
    expect(again.keyId).toBe(first.keyId);
    expect(again.publicKeyPem).toBe(first.publicKeyPem);
    const message = Buffer.from('1700000000000GET/trade-api/v2/portfolio/balance');
    const options = { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
    const signature = sign('sha256', message, { key: again.privateKey, ...options });
    expect(
      verify('sha256', message, { key: createPublicKey(first.publicKeyPem), ...options }, signature),
    ).toBe(true);
    expect(readFileSync(file, 'utf8')).not.toContain(first.publicKeyPem.split('\n')[1]);
  });

  it('refuses a file that is not a simulator key, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pt-simkey-'));
    writeFileSync(join(dir, SIM_KEY_FILE), JSON.stringify({ key_id: 'k' }));
    expect(() => loadOrCreateSimKey(dir)).toThrow(SIM_KEY_FILE);
  });
});
