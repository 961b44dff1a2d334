import type { RegisteredKey } from './key-registry.js';

/** The engine calls needed to open accounts (S1's `Exchange` satisfies it). */
export interface AccountOpener {
  hasAccount(userId: string): boolean;
  deposit(userId: string, amountE6: number): unknown;
}

/**
 * Opens an engine account, funded with the key's starting balance, for every keyed user that has
 * none yet — so a client with a registered key can trade at once. Existing accounts are untouched
 * (re-registering a key never mints money). Returns the user ids opened.
 */
export function openAccounts(exchange: AccountOpener, keys: readonly RegisteredKey[]): string[] {
  const opened: string[] = [];
  for (const key of keys) {
    if (exchange.hasAccount(key.userId)) continue;
    exchange.deposit(key.userId, key.startingBalanceE6);
    opened.push(key.userId);
  }
  return opened;
}
