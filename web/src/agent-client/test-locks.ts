/**
 * For tests only (Node 20 and jsdom have no `navigator.locks`): the Web Locks semantics the leader
 * election relies on — one holder per name, requests granted in order, the lock released when the
 * holder's callback settles.
 */
import type { LockRequester } from './leader-election.js';

export function createMemoryLocks(): LockRequester & { holders(name: string): number } {
  const queues = new Map<string, (() => void)[]>();
  const held = new Set<string>();
  const grantNext = (name: string): void => {
    const next = queues.get(name)?.shift();
    if (next === undefined) {
      held.delete(name);
      return;
    }
    next();
  };
  return {
    request: (name, callback) =>
      new Promise((resolve, reject) => {
        const run = (): void => {
          held.add(name);
          callback()
            .then(resolve, reject)
            .finally(() => grantNext(name));
        };
        if (held.has(name)) queues.set(name, [...(queues.get(name) ?? []), run]);
        else run();
      }),
    holders: (name) => (held.has(name) ? 1 : 0),
  };
}
