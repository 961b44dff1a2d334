import { describe, it, expect } from 'vitest';
import { REDACTED, isSecretKey, redactDeep, redactPaths, scrubText } from './redact.js';

describe('redactDeep', () => {
  it('replaces secret-named fields at any depth and in any spelling', () => {
    const input = {
      port: 47821,
      vibe: { url: 'http://127.0.0.1:1', apiKey: 'k-1' },
      deep: { a: { b: { c: { d: { e: { password: 'p-1' } } } } } },
      headers: { 'KALSHI-ACCESS-SIGNATURE': 's-1', 'Api-Key': 'k-2', accept: 'json' },
      list: [{ PRIVATE_KEY: 'pk' }],
    };
    const out = JSON.stringify(redactDeep(input));
    for (const secret of ['k-1', 'p-1', 's-1', 'k-2', '"pk"']) expect(out).not.toContain(secret);
    expect(out).toContain('47821');
    expect(out).toContain('"accept":"json"');
    expect(out.split(REDACTED).length - 1).toBe(5);
  });

  it('leaves the input untouched', () => {
    const input = { token: 't' };
    redactDeep(input);
    expect(input.token).toBe('t');
  });

  it('keeps null and absent secrets visible as such (their absence is diagnostic)', () => {
    expect(redactDeep({ token: null })).toEqual({ token: null });
  });
});

describe('scrubText', () => {
  it('removes PEM private keys and bearer credentials from free text', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEsecret\n-----END RSA PRIVATE KEY-----';
    const text = `loaded ${pem} and sent Authorization: Bearer abc.def-123 ok`;
    const out = scrubText(text);
    expect(out).not.toContain('MIIEsecret');
    expect(out).not.toContain('abc.def-123');
    expect(out).toContain('loaded');
    expect(out).toContain('ok');
  });

  it('removes the value after a secret key name in free text', () => {
    const text = 'login password=hunter2&user=bob; {"apiKey": "k-9"} token: t-1 signature=s-2 port=1';
    const out = scrubText(text);
    for (const secret of ['hunter2', 'k-9', 't-1', 's-2']) expect(out).not.toContain(secret);
    expect(out).toContain('user=bob');
    expect(out).toContain('port=1');
  });

  it('removes a truncated PEM block (a log tail can cut one in half)', () => {
    expect(scrubText('x -----BEGIN PRIVATE KEY-----\nMIIEsecret')).not.toContain('MIIEsecret');
  });
});

describe('redactPaths', () => {
  it('covers every secret key at the top level and below wildcards, quoting non-identifiers', () => {
    const paths = redactPaths();
    expect(paths).toContain('token');
    expect(paths).toContain('*.*.*.*.password');
    expect(paths).toContain('["KALSHI-ACCESS-SIGNATURE"]');
    expect(paths).toContain('*["kalshi-access-signature"]');
  });

  it('does not treat ordinary fields as secrets', () => {
    for (const key of ['code', 'message', 'port', 'url', 'ticker']) expect(isSecretKey(key)).toBe(false);
  });
});
