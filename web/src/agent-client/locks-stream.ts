/**
 * One agent connection for every tab without a SharedWorker: the tab holding the Web Lock runs the
 * dedicated stream worker and serves the others over a BroadcastChannel (relay-server.ts, in that
 * worker); every other tab follows (relay-follower.ts). When the leader's tab closes, the next tab
 * in line gets the lock, connects, and all tabs resync from the new session's snapshots.
 */
import { standForLeader } from './leader-election.js';
import type { LockRequester } from './leader-election.js';
import { RelayFollower } from './relay-follower.js';
import { LEADER_LOCK, RELAY_CHANNEL } from './relay-protocol.js';
import type { RelayChannel } from './relay-protocol.js';
import type { StreamStartOptions, TabListener } from './stream-types.js';

/** The leader's stream worker, as this module drives it. */
export interface LeaderWorker {
  attach(tabId: string, options: StreamStartOptions, listener: TabListener): void;
  setTickers(tabId: string, tickers: readonly string[]): void;
  /** Starts serving follower tabs on the named channel, announcing `leaderId`. */
  serveRelay(channelName: string, leaderId: string): void;
  /** Ends the connection (terminates the worker). */
  close(): void;
}

export interface LockedStreamDeps {
  readonly tabId: string;
  readonly locks: LockRequester;
  readonly openChannel: (name: string) => RelayChannel;
  readonly startWorker: () => LeaderWorker;
}

export interface LockedStream {
  readonly isLeader: boolean;
  setTickers(tickers: readonly string[]): void;
  stop(): void;
}

export function startLockedStream(
  options: StreamStartOptions,
  listener: TabListener,
  deps: LockedStreamDeps,
): LockedStream {
  const { tabId } = deps;
  const channel = deps.openChannel(RELAY_CHANNEL);
  let follower: RelayFollower | null = new RelayFollower(channel, tabId, options, listener);
  let worker: LeaderWorker | null = null;
  let tickers: readonly string[] = [];
  let isStopped = false;

  const lead = (): void => {
    follower?.handOver();
    follower = null;
    worker = deps.startWorker();
    worker.attach(tabId, options, listener);
    worker.setTickers(tabId, tickers);
    worker.serveRelay(RELAY_CHANNEL, tabId);
  };
  follower.start();
  const candidacy = standForLeader(deps.locks, LEADER_LOCK, () => {
    if (!isStopped) lead();
  });

  return {
    get isLeader() {
      return worker !== null;
    },
    setTickers: (next) => {
      tickers = [...next];
      follower?.setTickers(tickers);
      worker?.setTickers(tabId, tickers);
    },
    stop: () => {
      if (isStopped) return;
      isStopped = true;
      if (worker !== null) {
        // Followers mark their books stale now rather than when the next leader announces itself.
        channel.postMessage({ kind: 'leader-gone', leaderId: tabId });
        worker.close();
        worker = null;
      }
      follower?.stop();
      follower = null;
      candidacy.resign();
      channel.close();
    },
  };
}
