/**
 * Leader election with the Web Locks API: every candidate asks for the same exclusive lock; the one
 * holding it leads until it resigns or its tab goes (the browser releases a closed tab's locks),
 * and the next candidate in line is granted it. No heartbeats, no timeouts.
 */

/** The part of `navigator.locks` the election needs. */
export interface LockRequester {
  request(name: string, callback: () => Promise<void>): Promise<unknown>;
}

export interface Candidacy {
  /** Leaves the election; a leader releases the lock, so the next candidate takes over. */
  resign(): void;
  readonly isLeader: boolean;
}

export function standForLeader(locks: LockRequester, name: string, onElected: () => void): Candidacy {
  let release: () => void = () => undefined;
  const resigned = new Promise<void>((resolve) => (release = resolve));
  let isResigned = false;
  let isLeader = false;
  void locks
    .request(name, async () => {
      // Granted after resigning (still queued when the tab stopped): hand it straight on.
      if (isResigned) return;
      isLeader = true;
      onElected();
      await resigned;
      isLeader = false;
    })
    .catch((err: unknown) => console.error('leader election failed', err));
  return {
    resign: () => {
      isResigned = true;
      release();
    },
    get isLeader() {
      return isLeader;
    },
  };
}
