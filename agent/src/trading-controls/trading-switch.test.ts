/**
 * The switch on a real SQLite store: every change is a ledger event, a system halt survives a
 * restart (close + reopen) until a trader clears it, and the effective state composes the venue gate.
 */
import type { TradingState } from '@pt/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../test/store/temp-dir.js';
import { TRADING_CONTROLS_SOURCE, TRADING_MODE_KIND, TradingModeRecord } from './mode-record.js';
import { laptop, openTestStore, venueOpen, type TestStore } from './test-store.js';
import { TradingSwitch } from './trading-switch.js';

let t: TestStore;
let venue: TradingState;
let clock: number;

function open(): TradingSwitch {
  return TradingSwitch.open({
    ledger: t.store().ledger,
    venueGate: () => venue,
    logger: silentLogger,
    nowMs: () => clock,
  });
}

function records(): TradingModeRecord[] {
  return t
    .store()
    .ledger.readByKind(TRADING_MODE_KIND)
    .map((event) => TradingModeRecord.parse(event.payload));
}

beforeEach(() => {
  t = openTestStore();
  venue = venueOpen;
  clock = 1_000;
});
afterEach(async () => {
  await t.cleanup();
});

describe('TradingSwitch', () => {
  it('starts on, so the venue gate decides: halted until reconciled, then active', () => {
    const sw = open();
    venue = { mode: 'halted', reason: 'Reconciling with the venue', changedBy: 'system', sinceMs: 2 };
    expect(sw.tradingState()).toEqual(venue);
    venue = venueOpen;
    expect(sw.tradingState()).toMatchObject({ mode: 'active', changedBy: 'system' });
    expect(records()).toEqual([]);
  });

  it('records a trader decision with device, reason and time, and applies it', async () => {
    const sw = open();
    clock = 2_000;
    const state = await sw.setMode({ mode: 'reducing', reason: 'Going home' }, laptop);
    expect(state).toEqual({ mode: 'reducing', reason: 'Going home', changedBy: 'user', sinceMs: 2_000 });
    expect(records()).toEqual([
      {
        changedBy: 'user',
        mode: 'reducing',
        reason: 'Going home',
        deviceId: laptop.deviceId,
        deviceName: laptop.name,
        atMs: 2_000,
        clearedSystemHalt: null,
      },
    ]);
    const [event] = t.store().ledger.readByKind(TRADING_MODE_KIND);
    expect(event?.source).toBe(TRADING_CONTROLS_SOURCE);
  });

  it('keeps a system halt across a restart until a human switches trading back on', async () => {
    const sw = open();
    clock = 3_000;
    await sw.haltBySystem('daily_loss', 'Daily loss limit $100.00 reached');
    expect(sw.tradingState()).toEqual({
      mode: 'halted',
      reason: 'Daily loss limit $100.00 reached',
      changedBy: 'system',
      sinceMs: 3_000,
    });

    await t.restart();
    clock = 9_000;
    const reopened = open();
    expect(reopened.tradingState()).toMatchObject({ mode: 'halted', changedBy: 'system', sinceMs: 3_000 });
    expect(reopened.systemHalt()?.cause).toBe('daily_loss');

    // A trader's own halt does not clear it; switching on does, and says what it cleared.
    await reopened.setMode({ mode: 'halted', reason: 'Looking into it' }, laptop);
    expect(reopened.systemHalt()).toBeDefined();
    expect(reopened.tradingState().reason).toBe('Daily loss limit $100.00 reached');
    clock = 10_000;
    const on = await reopened.setMode({ mode: 'active', reason: 'Checked the fills, resuming' }, laptop);
    expect(on).toEqual({
      mode: 'active',
      reason: 'Checked the fills, resuming',
      changedBy: 'user',
      sinceMs: 10_000,
    });
    expect(reopened.systemHalt()).toBeUndefined();
    expect(records().at(-1)?.changedBy === 'user' && records().at(-1)).toMatchObject({
      deviceId: laptop.deviceId,
      clearedSystemHalt: { cause: 'daily_loss', reason: 'Daily loss limit $100.00 reached', sinceMs: 3_000 },
    });

    await t.restart();
    expect(open().tradingState()).toMatchObject({ mode: 'active', changedBy: 'user' });
  });

  it('reducing also clears a system halt; the venue can still hold it back', async () => {
    const sw = open();
    await sw.haltBySystem('drawdown', 'Drawdown past the limit');
    venue = { mode: 'halted', reason: 'Venue API contract broken', changedBy: 'system', sinceMs: 7 };
    expect(await sw.setMode({ mode: 'reducing', reason: 'Exits only' }, laptop)).toEqual(venue);
    venue = venueOpen;
    expect(sw.tradingState()).toMatchObject({ mode: 'reducing', reason: 'Exits only' });
  });

  it('records a second system halt only once the first is cleared', async () => {
    const sw = open();
    await sw.haltBySystem('daily_loss', 'Daily loss');
    await sw.haltBySystem('flatten', 'Flatten All');
    expect(records().map((r) => r.changedBy)).toEqual(['system']);
    expect(sw.systemHalt()?.cause).toBe('daily_loss');
    await sw.setMode({ mode: 'active', reason: 'ok' }, laptop);
    await sw.haltBySystem('flatten', 'Flatten All');
    expect(records().map((r) => r.changedBy)).toEqual(['system', 'user', 'system']);
    expect(sw.systemHalt()?.cause).toBe('flatten');
  });

  it('tells listeners the effective state after each recorded change', async () => {
    const sw = open();
    const seen: TradingState[] = [];
    const off = sw.onChanged((state) => seen.push(state));
    await sw.setMode({ mode: 'reducing', reason: 'a' }, laptop);
    await sw.haltBySystem('flatten', 'Flatten All pressed');
    off();
    await sw.setMode({ mode: 'active', reason: 'b' }, laptop);
    expect(seen.map((s) => [s.mode, s.changedBy])).toEqual([
      ['reducing', 'user'],
      ['halted', 'system'],
    ]);
  });

  it('applies concurrent requests in ledger order, so a restart rebuilds the same state', async () => {
    const sw = open();
    const modes = ['halted', 'active', 'reducing', 'halted', 'reducing'] as const;
    await Promise.all([
      ...modes.map((mode, i) => sw.setMode({ mode, reason: `r${i}` }, laptop)),
      sw.haltBySystem('drawdown', 'dd'),
    ]);
    const before = sw.parts();
    expect(before.user).toMatchObject({ mode: 'reducing', reason: 'r4' });
    await t.restart();
    expect(open().parts()).toEqual(before);
  });

  it('fails closed on an unreadable stored event: halted until a trader switches on', async () => {
    await t.store().ledger.append([
      {
        source: TRADING_CONTROLS_SOURCE,
        sourceEventId: 'mode:bad',
        kind: TRADING_MODE_KIND,
        payload: { mode: 'on' },
      },
    ]);
    const sw = open();
    expect(sw.tradingState()).toMatchObject({ mode: 'halted', changedBy: 'system' });
    expect(sw.tradingState().reason).toContain('unreadable');
    await sw.setMode({ mode: 'active', reason: 'Checked it' }, laptop);
    expect(sw.tradingState().mode).toBe('active');
  });

  it('ignores events of the same kind from another source', async () => {
    await t.store().ledger.append([
      {
        source: 'someone.else',
        sourceEventId: 'x',
        kind: TRADING_MODE_KIND,
        payload: { changedBy: 'system', mode: 'halted' },
      },
    ]);
    expect(open().tradingState().mode).toBe('active');
  });

  it('halts at once, before the ledger write commits', async () => {
    const sw = open();
    const seen: string[] = [];
    sw.onChanged((state) => seen.push(state.mode));
    const recorded = sw.haltBySystem('flatten', 'Flatten All pressed');
    expect(sw.tradingState()).toMatchObject({ mode: 'halted', reason: 'Flatten All pressed' });
    expect(seen).toEqual(['halted']);
    expect(records()).toEqual([]);
    await recorded;
    expect(records().map((r) => r.changedBy)).toEqual(['system']);
  });

  it('a trader decision sent before a halt does not clear it, even if it commits after the halt was raised', async () => {
    const sw = open();
    const on = sw.setMode({ mode: 'active', reason: 'before' }, laptop);
    const halted = sw.haltBySystem('drawdown', 'Drawdown');
    // The decision commits first; the halt, not yet recorded, still holds.
    expect((await on).mode).toBe('halted');
    await halted;
    expect(sw.tradingState()).toMatchObject({ mode: 'halted', reason: 'Drawdown' });
    expect(records().map((r) => r.changedBy)).toEqual(['user', 'system']);
    expect(records()[0]).toMatchObject({ clearedSystemHalt: null });
  });

  it('stays halted in this process when the halt cannot be recorded; a later trader decision clears it', async () => {
    await t.cleanup();
    t = openTestStore({ maxPending: 1 });
    const sw = open();
    // One unrelated row waits in the real write queue: the halt's append is refused (STORE_BUSY).
    const other = t
      .store()
      .ledger.append([{ source: 'test', sourceEventId: 'x', kind: 'test.row', payload: 1 }]);
    await expect(sw.haltBySystem('daily_loss', 'Daily loss')).rejects.toMatchObject({ code: 'STORE_BUSY' });
    await other;
    expect(sw.tradingState()).toMatchObject({ mode: 'halted', changedBy: 'system', reason: 'Daily loss' });
    expect(records()).toEqual([]);
    await sw.setMode({ mode: 'active', reason: 'Seen it' }, laptop);
    expect(sw.tradingState().mode).toBe('active');
    expect(records()[0]).toMatchObject({ clearedSystemHalt: { cause: 'daily_loss', reason: 'Daily loss' } });
  });

  it('clips a long system reason and replaces a blank one, so a halt never fails on its wording', async () => {
    const sw = open();
    await sw.haltBySystem('drawdown', ' '.repeat(3));
    expect(sw.tradingState().reason).toBe('Halted by a safety rule');
    await sw.setMode({ mode: 'active', reason: 'ok' }, laptop);
    await sw.haltBySystem('drawdown', 'x'.repeat(2_000));
    expect(sw.tradingState().reason).toHaveLength(500);
  });
});
