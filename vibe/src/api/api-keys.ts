/**
 * Consumer API keys. Keys come from a JSON file (`[{ "id": "agent-1", "key": "…" }]`) or the
 * `VIBE_API_KEYS` environment variable (`id:key,id:key`) given at start. Only SHA-256 digests are
 * kept; a presented key is hashed and compared with every digest in constant time
 * (`timingSafeEqual` on equal-length digests), so timing reveals neither the key nor which one matched.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** At least 128 bits when hex/base64-encoded; shorter keys are refused at start. */
export const MIN_KEY_CHARS = 24;

export const ApiKeyEntry = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'expected an id of letters, digits, "_", "." or "-"'),
  key: z.string().min(MIN_KEY_CHARS, `expected a key of at least ${MIN_KEY_CHARS} characters`).max(512),
});
export const ApiKeyFile = z.array(ApiKeyEntry).min(1).max(1_000);
export type ApiKeyEntry = z.infer<typeof ApiKeyEntry>;

function digest(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/** Parses `id:key,id:key`; throws naming the bad entry. */
export function parseKeysEnv(text: string): ApiKeyEntry[] {
  const entries = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const colon = part.indexOf(':');
      return { id: colon < 0 ? part : part.slice(0, colon), key: colon < 0 ? '' : part.slice(colon + 1) };
    });
  const parsed = ApiKeyFile.safeParse(entries);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`VIBE_API_KEYS[${issue?.path.join('.') ?? '?'}]: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

export class ApiKeys {
  private readonly digests: { id: string; digest: Buffer }[];

  constructor(entries: readonly ApiKeyEntry[]) {
    const ids = new Set(entries.map((entry) => entry.id));
    if (ids.size !== entries.length) throw new Error('API keys: an id is listed twice');
    this.digests = entries.map((entry) => ({ id: entry.id, digest: digest(entry.key) }));
  }

  get size(): number {
    return this.digests.length;
  }

  /** The key's id, or null. Every stored digest is compared (no early exit). */
  identify(presented: string): string | null {
    const candidate = digest(presented);
    let match: string | null = null;
    for (const entry of this.digests) {
      if (timingSafeEqual(candidate, entry.digest) && match === null) match = entry.id;
    }
    return match;
  }
}
