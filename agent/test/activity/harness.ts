/** A real store in a temp dir, a real hub with one listening sink, a recorder and a feed on them. */
import { ServerEvent } from '@pt/protocol';
import type { ActivityEvent } from '@pt/protocol';
import { ActivityFeed, ActivityRecorder } from '../../src/activity/index.js';
import { StreamHub } from '../../src/api/stream/hub.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';
import { makeTempDir, silentLogger } from '../store/temp-dir.js';

export interface ActivityWorld {
  /** The temp data dir holding the store. */
  dataDir: string;
  store: Store;
  hub: StreamHub;
  recorder: ActivityRecorder;
  feed: ActivityFeed;
  /** Every `activity.appended` the hub fanned out, parsed. */
  published(): ActivityEvent[];
  clock: { nowMs: number };
  close(): Promise<void>;
}

export function activityWorld(): ActivityWorld {
  const temp = makeTempDir('pt-activity-');
  const store = openStore({ dataDir: temp.dir, environment: 'sim', logger: silentLogger });
  const hub = new StreamHub();
  const frames: Buffer[] = [];
  hub.subscribe('activity', { bufferedAmount: 0, send: (frame) => frames.push(frame), dropSlow: () => {} });
  const clock = { nowMs: 1_764_000_000_000 };
  const recorder = new ActivityRecorder({ ledger: () => store.ledger, hub, nowMs: () => clock.nowMs });
  const feed = new ActivityFeed(() => store);
  return {
    dataDir: temp.dir,
    store,
    hub,
    recorder,
    feed,
    clock,
    published: () =>
      frames.map((frame) => {
        const event = ServerEvent.parse(JSON.parse(String(frame)));
        if (event.type !== 'activity.appended') throw new Error(`unexpected ${event.type}`);
        return event.activity;
      }),
    close: async () => {
      feed.close();
      await store.close();
      temp.remove();
    },
  };
}
