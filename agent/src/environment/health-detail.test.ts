import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HealthDetail, StatusResponse, type TradingEnvironment, type TradingState } from '@pt/protocol';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store, type WriteQueueStats } from '../store/index.js';
import { HealthReporter, STORE_AMBER_ROWS, STORE_RED_ROWS, storeLight } from './health-detail.js';
import type { CurrentEnvironment } from './types.js';

const logger = pino({ level: 'silent' });
const stores: Store[] = [];

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

function stats(pendingRows: number): WriteQueueStats {
  return {
    batchesCommitted: 0,
    jobsCommitted: 0,
    rowsCommitted: 0,
    jobsFailed: 0,
    batchesFailed: 0,
    busyRejections: 0,
    sqliteBusy: 0,
    largestBatchJobs: 0,
    pendingJobs: 0,
    pendingRows,
  };
}

describe('storeLight', () => {
  it('turns amber, then red, as the write queue backs up', () => {
    expect(storeLight('/d/ledger-sim.sqlite', stats(0))).toEqual({
      light: 'green',
      detail: 'ledger-sim.sqlite: 0 rows waiting to be written',
    });
    expect(storeLight('/d/ledger-sim.sqlite', stats(STORE_AMBER_ROWS)).light).toBe('amber');
    expect(storeLight('/d/ledger-sim.sqlite', stats(STORE_RED_ROWS)).light).toBe('red');
  });
});

describe('HealthReporter without a venue', () => {
  function reporter(active: Omit<CurrentEnvironment, 'store'>, switchingTo?: TradingEnvironment) {
    const store = openStore({
      dataDir: mkdtempSync(join(tmpdir(), 'pt-health-')),
      environment: active.environment,
      logger,
    });
    stores.push(store);
    const halted: TradingState = { mode: 'halted', reason: 'x', changedBy: 'system', sinceMs: 1 };
    let nowMs = 10;
    const health = new HealthReporter(
      { current: () => ({ ...active, store }), tradingState: () => halted, switchingTo: () => switchingTo },
      () => nowMs,
    );
    return { health, tick: () => (nowMs += 5) };
  }

  it('says live needs the acknowledgement, keeps sinceMs while a light holds, and parses as the wire shapes', () => {
    const { health, tick } = reporter({
      environment: 'live',
      venue: null,
      sinceMs: 1,
      noVenue: { light: 'amber', reason: 'Live needs your acknowledgement' },
      isAwaitingLiveAck: true,
    });
    const first = HealthDetail.parse(health.healthDetail('ok'));
    expect(first.status).toBe('ok');
    expect(first.environment).toBe('live');
    expect(first.components.venue).toEqual({
      light: 'amber',
      detail: 'Live needs your acknowledgement',
      sinceMs: 10,
    });
    expect(first.components.sentiment).toMatchObject({ light: 'amber', detail: 'Sentiment not configured' });
    expect(first.components.store).toMatchObject({
      light: 'green',
      detail: 'ledger-live.sqlite: 0 rows waiting to be written',
    });
    tick();
    const second = health.healthDetail('ok');
    expect(second.components.venue.sinceMs).toBe(10);
    expect(second.checkedAtMs).toBe(15);
    const status = StatusResponse.parse(health.status('starting'));
    expect(status).toMatchObject({
      status: 'starting',
      environment: 'live',
      tradingState: { mode: 'halted' },
    });
  });

  it('is degraded while a light is red, and says so during a switch', () => {
    const failed = reporter({
      environment: 'demo',
      venue: null,
      sinceMs: 1,
      noVenue: { light: 'red', reason: 'Venue did not start: x' },
      isAwaitingLiveAck: false,
    });
    expect(failed.health.healthDetail('ok').status).toBe('degraded');
    expect(failed.health.healthDetail('stopping').status).toBe('stopping');
    const switching = reporter(
      { environment: 'sim', venue: null, sinceMs: 1, noVenue: undefined, isAwaitingLiveAck: false },
      'demo',
    );
    expect(switching.health.healthDetail('ok').components.venue.detail).toBe('Switching from sim to demo');
  });
});
