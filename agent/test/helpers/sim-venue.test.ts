import { constants, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimVenue, type SimVenue } from './sim-venue.js';

describe('startSimVenue (test helper)', () => {
  let venue: SimVenue;
  beforeAll(async () => {
    venue = await startSimVenue({ balanceDollars: '2500.00' });
  });
  afterAll(async () => {
    await venue.stop();
  });

  it('starts a real simulator whose registered key is funded and signs in', async () => {
    const path = '/trade-api/v2/portfolio/balance';
    const timestamp = String(Date.now());
    const signature = sign('sha256', Buffer.from(`${timestamp}GET${path}`), {
      key: venue.privateKey,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: 32,
    }).toString('base64');
    const response = await fetch(`${venue.rest}/portfolio/balance`, {
      headers: {
        'KALSHI-ACCESS-KEY': venue.keyId,
        'KALSHI-ACCESS-TIMESTAMP': timestamp,
        'KALSHI-ACCESS-SIGNATURE': signature,
      },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { balance?: number };
    expect(body.balance).toBe(250_000);
  });
});
