import { createPublicKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';

/** One entry of the `--keys FILE` JSON array (and of `POST /_sim/keys`). */
export const KeyEntrySchema = z.object({
  key_id: z.string().min(1, 'key_id must not be empty'),
  public_key_pem: z.string().includes('PUBLIC KEY', { message: 'public_key_pem must be a PEM public key' }),
  // Several keys may belong to one account; without it each key is its own account.
  user_id: z.string().min(1).optional(),
  // Cash the account opens with (fixed-point dollars, ≤ 2 dp); default DEFAULT_STARTING_BALANCE_E6.
  balance_dollars: z
    .string()
    .regex(/^\d{1,10}(\.\d{1,2})?$/, 'balance_dollars must be a dollar amount with at most 2 decimals')
    .optional(),
});
export type KeyEntry = z.infer<typeof KeyEntrySchema>;
export const KeyFileSchema = z.array(KeyEntrySchema);

/** $10,000: what a keyed simulator account opens with unless its entry says otherwise. */
export const DEFAULT_STARTING_BALANCE_E6 = 10_000 * 1_000_000;

export interface RegisteredKey {
  keyId: string;
  userId: string;
  publicKey: KeyObject;
  startingBalanceE6: number;
}

function dollarsToE6(text: string): number {
  const [whole = '0', frac = ''] = text.split('.');
  return Number(whole) * 1_000_000 + Number(frac.padEnd(6, '0'));
}

/** API keys the simulator accepts, each mapped to the user (account) it acts for. */
export class KeyRegistry {
  private readonly byKeyId = new Map<string, RegisteredKey>();

  constructor(entries: readonly KeyEntry[] = []) {
    this.addAll(entries);
  }

  /** Parses untrusted JSON (a key file or an admin body); throws naming the bad field. */
  static parseEntries(raw: unknown): KeyEntry[] {
    const parsed = KeyFileSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue ? issue.path.join('.') : '';
      throw new Error(`invalid key entry at ${field || '(root)'}: ${issue?.message ?? 'unknown'}`);
    }
    return parsed.data;
  }

  /** Adds keys; a PEM that does not load throws before any key of the batch is added. */
  addAll(entries: readonly KeyEntry[]): RegisteredKey[] {
    const loaded = entries.map((entry, index) => {
      let publicKey: KeyObject;
      try {
        publicKey = createPublicKey(entry.public_key_pem);
      } catch (err) {
        throw new Error(`invalid key entry at ${index}.public_key_pem: ${String(err)}`, { cause: err });
      }
      if (publicKey.asymmetricKeyType !== 'rsa') {
        throw new Error(`invalid key entry at ${index}.public_key_pem: expected an RSA key`);
      }
      const startingBalanceE6 =
        entry.balance_dollars === undefined
          ? DEFAULT_STARTING_BALANCE_E6
          : dollarsToE6(entry.balance_dollars);
      return { keyId: entry.key_id, userId: entry.user_id ?? entry.key_id, publicKey, startingBalanceE6 };
    });
    for (const key of loaded) this.byKeyId.set(key.keyId, key);
    return loaded;
  }

  get(keyId: string): RegisteredKey | undefined {
    return this.byKeyId.get(keyId);
  }

  /** Distinct user ids, in registration order (the engine opens one account per user). */
  userIds(): string[] {
    return [...new Set([...this.byKeyId.values()].map((key) => key.userId))];
  }

  all(): RegisteredKey[] {
    return [...this.byKeyId.values()];
  }

  get size(): number {
    return this.byKeyId.size;
  }
}
