import { constants, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testKeys } from '../../../../test/connector/http/doubles.js';
import { signKalshiRequest } from './sign.js';

function verifies(message: string, signatureB64: string): boolean {
  return verify(
    'sha256',
    Buffer.from(message, 'utf8'),
    { key: testKeys().publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
    Buffer.from(signatureB64, 'base64'),
  );
}

describe('signKalshiRequest', () => {
  const credentials = { keyId: 'a952bcbe-ec3b-4b5b-b8f9-11dae589608c', privateKey: testKeys().privateKey };

  it('signs timestamp + METHOD + path (with /trade-api/v2) and verifies with the public key, salt 32', () => {
    const headers = signKalshiRequest(credentials, 'get', '/trade-api/v2/portfolio/balance', 1703123456789);
    expect(headers['KALSHI-ACCESS-KEY']).toBe(credentials.keyId);
    expect(headers['KALSHI-ACCESS-TIMESTAMP']).toBe('1703123456789');
    expect(
      verifies('1703123456789GET/trade-api/v2/portfolio/balance', headers['KALSHI-ACCESS-SIGNATURE']),
    ).toBe(true);
  });

  it('signs the path without its query string', () => {
    const headers = signKalshiRequest(credentials, 'GET', '/trade-api/v2/portfolio/orders?limit=5', 1);
    const signature = headers['KALSHI-ACCESS-SIGNATURE'];
    expect(verifies('1GET/trade-api/v2/portfolio/orders', signature)).toBe(true);
    expect(verifies('1GET/trade-api/v2/portfolio/orders?limit=5', signature)).toBe(false);
  });

  it('does not verify for another method, path or timestamp', () => {
    const signature = signKalshiRequest(credentials, 'POST', '/trade-api/v2/portfolio/events/orders', 5)[
      'KALSHI-ACCESS-SIGNATURE'
    ];
    expect(verifies('5POST/trade-api/v2/portfolio/events/orders', signature)).toBe(true);
    expect(verifies('5GET/trade-api/v2/portfolio/events/orders', signature)).toBe(false);
    expect(verifies('6POST/trade-api/v2/portfolio/events/orders', signature)).toBe(false);
    expect(verifies('5POST/portfolio/events/orders', signature)).toBe(false);
  });

  it('signs the WS upgrade path the same way', () => {
    const headers = signKalshiRequest(credentials, 'GET', '/trade-api/ws/v2', 42);
    expect(verifies('42GET/trade-api/ws/v2', headers['KALSHI-ACCESS-SIGNATURE'])).toBe(true);
  });

  it('puts neither key material nor the message in anything but the signature header', () => {
    const headers = signKalshiRequest(credentials, 'GET', '/trade-api/v2/x', 7);
    const pem = testKeys().privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const text = JSON.stringify(headers);
    expect(text).not.toContain(pem.split('\n')[1]);
    expect(Object.keys(headers).sort()).toEqual([
      'KALSHI-ACCESS-KEY',
      'KALSHI-ACCESS-SIGNATURE',
      'KALSHI-ACCESS-TIMESTAMP',
    ]);
  });
});
