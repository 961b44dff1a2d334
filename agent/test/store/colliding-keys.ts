/**
 * Two Kalshi-style trade ids whose ledger keys share a ledgerKeyHash (found by a birthday search
 * over random UUIDs; ledger-key-hash.test.ts checks that they still collide).
 */
export const COLLIDING_KEYS = [
  ['kalshi.ws', 'cdbe3395-8e8d-4549-bc5d-b5b495dea3d5'],
  ['kalshi.ws', 'beb255dc-b6c1-4912-9ed4-6b0bcc756cf7'],
] as const;
