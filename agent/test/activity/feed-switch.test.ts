/**
 * The feed follows the runtime's current store: after a switch it reads the new environment's
 * file (activity is per environment) on a fresh read connection.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ActivityFeed, ActivityRecorder, venueReconnected } from '../../src/activity/index.js';
import { StreamHub } from '../../src/api/stream/hub.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';
import { makeTempDir, silentLogger } from '../store/temp-dir.js';

const temp = makeTempDir('pt-activity-switch-');
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  temp.remove();
});

describe('ActivityFeed across an environment switch', () => {
  it('reads the current environment only, and keeps working after the old store closed', async () => {
    const sim = openStore({ dataDir: temp.dir, environment: 'sim', logger: silentLogger });
    const demo = openStore({ dataDir: temp.dir, environment: 'demo', logger: silentLogger });
    stores.push(demo);
    let current = sim;
    const hub = new StreamHub();
    const recorder = new ActivityRecorder({ ledger: () => current.ledger, hub });
    const feed = new ActivityFeed(() => current);

    const inSim = await recorder.record({ ...venueReconnected(1, 1_000), key: 'sim-only' });
    expect(feed.page({}).events).toEqual([inSim]);

    await sim.close();
    current = demo;
    expect(feed.page({}).events).toEqual([]);
    const inDemo = await recorder.record({ ...venueReconnected(2, 2_000), key: 'demo-only' });
    expect(feed.page({}).events).toEqual([inDemo]);
    feed.close();
    // Closed feeds reopen on demand.
    expect(feed.page({}).events).toEqual([inDemo]);
    feed.close();
  });
});
