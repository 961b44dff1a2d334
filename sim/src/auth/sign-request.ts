import { constants, createPrivateKey, sign, type KeyObject } from 'node:crypto';

/**
 * Client-side signing exactly as the official SDK does it (kalshi-api.md §2). The sim itself never
 * signs; this is here so tests, the bench and sibling packages share one correct implementation.
 */
export function signRequest(
  keyId: string,
  privateKey: KeyObject | string,
  method: string,
  pathWithQuery: string,
  nowMs: number,
  saltLength: number = constants.RSA_PSS_SALTLEN_DIGEST,
): Record<string, string> {
  const timestamp = String(nowMs);
  const path = pathWithQuery.split('?')[0] ?? '';
  const signature = sign('sha256', Buffer.from(timestamp + method.toUpperCase() + path, 'utf8'), {
    key: typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey,
    padding: constants.RSA_PKCS1_PSS_PADDING,
    saltLength,
  }).toString('base64');
  return {
    'KALSHI-ACCESS-KEY': keyId,
    'KALSHI-ACCESS-TIMESTAMP': timestamp,
    'KALSHI-ACCESS-SIGNATURE': signature,
  };
}
