import { z } from 'zod';
import { AgentError } from '../lib/errors.js';
import type { SimKey } from './sim-key.js';

const Registered = z.object({ keys: z.array(z.object({ key_id: z.string(), user_id: z.string() })) });

/**
 * Registers the agent's public key with the local simulator through its loopback admin API
 * (`POST /_sim/keys`; re-registering the same key is harmless and adds no money). This is a
 * simulator convenience: on Kalshi the user creates the key on the website.
 */
export async function registerSimKey(restBaseUrl: string, key: SimKey, timeoutMs = 5_000): Promise<void> {
  const url = `${new URL(restBaseUrl).origin}/_sim/keys`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key_id: key.keyId, public_key_pem: key.publicKeyPem }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    throw new AgentError(
      'VENUE_UNAVAILABLE',
      `simulator at ${url} did not answer`,
      { retryable: true },
      {},
      {
        cause: err,
      },
    );
  }
  const body: unknown = await response.json().catch(() => null);
  const parsed = Registered.safeParse(body);
  if (response.status !== 201 || !parsed.success || !parsed.data.keys.some((k) => k.key_id === key.keyId)) {
    throw new AgentError('VENUE_REJECTED', `simulator refused the agent's key (HTTP ${response.status})`, {
      retryable: false,
    });
  }
}
