import { createHash, generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isAgentError } from '../lib/errors.js';
import { validateKalshiKey } from './validate-key.js';

const KEY_ID = '7f3c2a10-1b2c-4d5e-8f90-0123456789ab';
/** Some real Kalshi ids are GUID-shaped without RFC-4122 version/variant bits. */
const NON_RFC_KEY_ID = 'abcdef01-2345-6789-abcd-ef0123456789';

const rsa2048 = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pkcs8 = rsa2048.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const pkcs1 = rsa2048.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();

/** Every 12-character run of the PEM's base64 body: none may show up in an error. */
function pemChunks(pem: string): string[] {
  const body = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  const chunks: string[] = [];
  for (let at = 0; at + 12 <= body.length; at += 6) chunks.push(body.slice(at, at + 12));
  return chunks;
}

function rejection(keyId: string, pem: string): { message: string; field: unknown; text: string } {
  try {
    validateKalshiKey(keyId, pem);
  } catch (err) {
    if (!isAgentError(err)) throw err;
    expect(err.code).toBe('VALIDATION_FAILED');
    return { message: err.message, field: err.details?.['field'], text: JSON.stringify(err.toBody()) };
  }
  throw new Error('expected the key to be rejected');
}

function expectPemRejected(pem: string, why: RegExp): void {
  const { message, field, text } = rejection(KEY_ID, pem);
  expect(field).toBe('privateKeyPem');
  expect(message).toMatch(/^privateKeyPem: /);
  expect(message).toMatch(why);
  for (const chunk of pemChunks(pem)) expect(text).not.toContain(chunk);
}

function spkiFingerprint(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return `SHA256:${createHash('sha256').update(der).digest('base64').slice(0, 43)}`;
}

describe('validateKalshiKey', () => {
  it('accepts PKCS#8 and PKCS#1 RSA keys and shows the same SPKI fingerprint for both', () => {
    const a = validateKalshiKey(KEY_ID, pkcs8);
    const b = validateKalshiKey(NON_RFC_KEY_ID, pkcs1);
    expect(a.keyBits).toBe(2048);
    expect(a.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(a.fingerprint).toBe(spkiFingerprint(rsa2048.publicKey));
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(b.keyId).toBe(NON_RFC_KEY_ID);
    expect(a.privateKey.asymmetricKeyType).toBe('rsa');
  });

  it('rejects a key id that is not a GUID, naming keyId', () => {
    const { message, field } = rejection('my-key', pkcs8);
    expect(field).toBe('keyId');
    expect(message).toMatch(/^keyId: .*GUID/);
  });

  it('rejects garbage', () => {
    expectPemRejected('hello, this is not a key', /not a PEM private key/);
  });

  it('rejects a truncated PEM', () => {
    const lines = pkcs8.trim().split('\n');
    const truncated = [...lines.slice(0, 10), lines.at(-1)].join('\n');
    expectPemRejected(truncated, /could not be parsed/);
  });

  it('rejects EC keys in SEC1 and PKCS#8 form', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    expectPemRejected(ec.export({ type: 'sec1', format: 'pem' }).toString(), /RSA/);
    expectPemRejected(ec.export({ type: 'pkcs8', format: 'pem' }).toString(), /RSA/);
  });

  it('rejects a 1024-bit RSA key', () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    expectPemRejected(small.export({ type: 'pkcs8', format: 'pem' }).toString(), /1024 bits.*2048/);
  });

  it('rejects encrypted PEMs (PKCS#8 and legacy PKCS#1) asking for an unencrypted export', () => {
    const encrypted8 = rsa2048.privateKey
      .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' })
      .toString();
    const encrypted1 = rsa2048.privateKey
      .export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' })
      .toString();
    expectPemRejected(encrypted8, /encrypted.*without/);
    expectPemRejected(encrypted1, /encrypted.*without/);
  });

  it('rejects a public key given instead of the private key', () => {
    expectPemRejected(rsa2048.publicKey.export({ type: 'spki', format: 'pem' }).toString(), /public key/);
    expectPemRejected(rsa2048.publicKey.export({ type: 'pkcs1', format: 'pem' }).toString(), /public key/);
  });

  it('rejects an RSA private key whose body was tampered with', () => {
    const lines = pkcs1.trim().split('\n');
    const line = lines[5] ?? '';
    lines[5] = `${line.slice(0, 20)}${line[20] === 'A' ? 'B' : 'A'}${line.slice(21)}`;
    expectPemRejected(lines.join('\n'), /could not be parsed|test signature/);
  });
});
