/**
 * The Reconciler's control flow (single flight, queued passes, fail closed) with a hand-written
 * venue whose answers the test releases one at a time. The venue behaviour itself is covered
 * against the real simulator in agent/test/connector/reconcile/.
 */
import { moneyE6 } from '@pt/protocol';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { LedgerAppendOutcome, LedgerEventInput } from '../../../store/index.js';
import type { SnapshotHttp } from './fetch-snapshot.js';
import { InMemoryLocalState } from './local-state.js';
import { Reconciler } from './reconciler.js';
import { TradingGate, type GateState } from './trading-gate.js';

const logger = pino({ level: 'silent' });

/** Every getBalance waits until the test calls `release()`; the other reads answer empty. */
class GatedVenue implements SnapshotHttp {
  balanceCalls = 0;
  private waiting: (() => void)[] = [];
  failNext: Error | undefined;

  release(): void {
    const next = this.waiting.shift();
    if (next === undefined) throw new Error('no balance request is waiting');
    next();
  }

  async getBalance() {
    this.balanceCalls += 1;
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    const failure = this.failNext;
    this.failNext = undefined;
    if (failure !== undefined) throw failure;
    return { balanceE6: moneyE6(5_000_000), portfolioValueE6: moneyE6(0), updatedAtMs: undefined };
  }
  getPositions() {
    return Promise.resolve({ marketPositions: [], eventPositions: [], cursor: undefined });
  }
  getOrders() {
    return Promise.resolve({ items: [], cursor: undefined });
  }
  getOrder(): never {
    throw new Error('no order lookups expected');
  }
  getFills() {
    return Promise.resolve({ items: [], cursor: undefined });
  }
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

function setup(ledgerAppend?: (events: readonly LedgerEventInput[]) => Promise<LedgerAppendOutcome[]>) {
  const venue = new GatedVenue();
  const gate = new TradingGate(() => 1_000);
  const phases: GateState['phase'][] = [];
  gate.onChange((state) => phases.push(state.phase));
  const local = new InMemoryLocalState();
  const ledger = {
    append: ledgerAppend ?? ((events) => Promise.resolve(events.map(() => ({ isNew: false as const })))),
  };
  const reconciler = new Reconciler({ http: venue, local, gate, ledger, logger, nowMs: () => 1_000 });
  return { venue, gate, phases, local, reconciler };
}

describe('Reconciler', () => {
  it('shares one run between concurrent callers', async () => {
    const { venue, reconciler } = setup();
    const first = reconciler.run();
    await flush();
    const second = reconciler.run({ isQuiet: true });
    await flush();
    venue.release();
    await first;
    await flush();
    // The quiet request queued exactly one more pass after the running one.
    venue.release();
    const [a, b] = await Promise.all([first, second]);
    expect(a.isOk && b.isOk).toBe(true);
    expect(venue.balanceCalls).toBe(2);
  });

  it('keeps the gate halted until a pass requested during a run (a reconnect) succeeds', async () => {
    const { venue, gate, phases, reconciler } = setup();
    const first = reconciler.run();
    await flush();
    const afterReconnect = reconciler.run();
    venue.release();
    await first;
    expect(gate.isOpen).toBe(false); // the first pass may predate the reconnect
    await flush();
    venue.release();
    await afterReconnect;
    expect(gate.isOpen).toBe(true);
    expect(phases).toEqual(['reconciling', 'open']);
  });

  it('a quiet pass leaves an open gate open; a failed quiet pass halts it', async () => {
    const { venue, gate, reconciler } = setup();
    const loud = reconciler.run();
    await flush();
    venue.release();
    await loud;
    const quiet = reconciler.run({ isQuiet: true });
    await flush();
    expect(gate.isOpen).toBe(true);
    venue.release();
    await quiet;
    venue.failNext = new Error('socket hang up');
    const failing = reconciler.run({ isQuiet: true });
    await flush();
    venue.release();
    const report = await failing;
    expect(report).toMatchObject({ isOk: false, failure: 'socket hang up' });
    expect(gate.state().reason).toBe('reconcile_failed: socket hang up');
  });

  it('fails closed when the ledger cannot take the plan, leaving local state untouched', async () => {
    const { venue, gate, local, reconciler } = setup(() => Promise.reject(new Error('store busy')));
    const run = reconciler.run();
    await flush();
    venue.release();
    const report = await run;
    expect(report).toMatchObject({ isOk: false, failure: 'store busy' });
    expect(gate.isOpen).toBe(false);
    expect(local.read().balanceE6).toBeNull();
  });
});
