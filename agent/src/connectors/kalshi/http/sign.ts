import { constants, sign } from 'node:crypto';
import type { KalshiCredentials } from '../credentials.js';

/** The three headers Kalshi authenticates a request (or a WS upgrade) with. */
export interface KalshiAuthHeaders {
  'KALSHI-ACCESS-KEY': string;
  'KALSHI-ACCESS-TIMESTAMP': string;
  'KALSHI-ACCESS-SIGNATURE': string;
}

/**
 * Signs `timestamp_ms + METHOD + path` with RSA-PSS / SHA-256 / MGF1-SHA-256, salt 32 (the digest
 * length), as Kalshi documents. `path` is the full URL path including `/trade-api/v2` (or
 * `/trade-api/ws/v2`); any query string is cut off because the venue signs the path only. The body
 * is never signed. The key stays a KeyObject and the signature is only ever placed in the header.
 */
export function signKalshiRequest(
  credentials: KalshiCredentials,
  method: string,
  path: string,
  nowMs: number,
): KalshiAuthHeaders {
  const timestamp = String(Math.trunc(nowMs));
  const queryAt = path.indexOf('?');
  const pathOnly = queryAt === -1 ? path : path.slice(0, queryAt);
  const message = Buffer.from(timestamp + method.toUpperCase() + pathOnly, 'utf8');
  const signature = sign('sha256', message, {
    key: credentials.privateKey,
    padding: constants.RSA_PKCS1_PSS_PADDING,
    saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
  });
  return {
    'KALSHI-ACCESS-KEY': credentials.keyId,
    'KALSHI-ACCESS-TIMESTAMP': timestamp,
    'KALSHI-ACCESS-SIGNATURE': signature.toString('base64'),
  };
}
