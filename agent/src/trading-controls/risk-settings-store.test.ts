/**
 * Risk settings on a real SQLite store: defaults until a change, every change validated (the error
 * names the field), recorded with its before/after diff and the device, the latest wins at reopen.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentError } from '../lib/errors.js';
import { DEFAULT_RISK_SETTINGS, RiskSettings } from '../risk/index.js';
import { silentLogger } from '../../test/store/temp-dir.js';
import { TRADING_CONTROLS_SOURCE } from './mode-record.js';
import { RiskSettingsStore, type RiskSettingsInput } from './risk-settings-store.js';
import { RISK_SETTINGS_KIND, RiskSettingsRecord } from './settings-record.js';
import { laptop, openTestStore, type TestStore } from './test-store.js';

let t: TestStore;
let clock: number;

function open(): RiskSettingsStore {
  return RiskSettingsStore.open({ ledger: t.store().ledger, logger: silentLogger, nowMs: () => clock });
}

function records(): RiskSettingsRecord[] {
  return t
    .store()
    .ledger.readByKind(RISK_SETTINGS_KIND)
    .map((event) => RiskSettingsRecord.parse(event.payload));
}

async function refusal(work: Promise<unknown>): Promise<AgentError> {
  const err: unknown = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AgentError);
  return err as AgentError;
}

beforeEach(() => {
  t = openTestStore();
  clock = 1_000;
});
afterEach(async () => {
  await t.cleanup();
});

describe('RiskSettingsStore', () => {
  it('answers the defaults on a fresh ledger, without recording anything', () => {
    expect(open().current()).toEqual(DEFAULT_RISK_SETTINGS);
    expect(records()).toEqual([]);
  });

  it('records a change with the full settings, the per-field diff, the device and the time', async () => {
    const settings = open();
    clock = 2_000;
    const after = await settings.update({ maxOpenOrders: 10, dailyLossLimitE6: 25_000_000 }, laptop);
    expect(after).toEqual({ ...DEFAULT_RISK_SETTINGS, maxOpenOrders: 10, dailyLossLimitE6: 25_000_000 });
    expect(settings.current()).toEqual(after);
    expect(records()).toEqual([
      {
        settings: { ...after },
        changes: [
          { field: 'maxOpenOrders', before: DEFAULT_RISK_SETTINGS.maxOpenOrders, after: 10 },
          { field: 'dailyLossLimitE6', before: DEFAULT_RISK_SETTINGS.dailyLossLimitE6, after: 25_000_000 },
        ],
        deviceId: laptop.deviceId,
        deviceName: laptop.name,
        atMs: 2_000,
      },
    ]);
    expect(t.store().ledger.readByKind(RISK_SETTINGS_KIND)[0]?.source).toBe(TRADING_CONTROLS_SOURCE);
  });

  it('accepts a full settings object and records only the fields that changed', async () => {
    const full: RiskSettingsInput = { ...DEFAULT_RISK_SETTINGS, lossCooldownMs: 0 };
    await open().update(full, laptop);
    expect(records().map((r) => r.changes)).toEqual([
      [{ field: 'lossCooldownMs', before: DEFAULT_RISK_SETTINGS.lossCooldownMs, after: 0 }],
    ]);
  });

  it('records nothing for a change that changes nothing', async () => {
    const settings = open();
    await settings.update({ maxOpenOrders: DEFAULT_RISK_SETTINGS.maxOpenOrders }, laptop);
    await settings.update({}, laptop);
    expect(records()).toEqual([]);
  });

  it.each([
    ['maxOpenOrders', 0],
    ['maxOpenOrders', 1.5],
    ['dailyLossLimitE6', -1],
    ['orderRateWindowMs', 999],
    ['maxOrderCountE2', '100'],
  ] as const)(
    'refuses %s = %j with VALIDATION_FAILED naming the field, and records nothing',
    async (field, value) => {
      const settings = open();
      const err = await refusal(settings.update({ [field]: value }, laptop));
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.message.startsWith(`${field}: `)).toBe(true);
      expect(err.details).toMatchObject({ field });
      expect(settings.current()).toEqual(DEFAULT_RISK_SETTINGS);
      expect(records()).toEqual([]);
    },
  );

  it('keeps the latest change across a restart', async () => {
    const settings = open();
    await settings.update({ maxOpenOrders: 10 }, laptop);
    await settings.update({ maxOpenOrders: 12, preCloseBlackoutMs: 0 }, laptop);
    const expected = settings.current();
    await t.restart();
    expect(open().current()).toEqual(expected);
    expect(open().current()).toEqual(
      RiskSettings.parse({ ...DEFAULT_RISK_SETTINGS, maxOpenOrders: 12, preCloseBlackoutMs: 0 }),
    );
  });

  it('applies concurrent updates one after another: each diff starts from the previous result', async () => {
    const settings = open();
    await Promise.all([
      settings.update({ maxOpenOrders: 7 }, laptop),
      settings.update({ maxOpenOrders: 8 }, laptop),
    ]);
    expect(records().map((r) => r.changes[0])).toEqual([
      { field: 'maxOpenOrders', before: DEFAULT_RISK_SETTINGS.maxOpenOrders, after: 7 },
      { field: 'maxOpenOrders', before: 7, after: 8 },
    ]);
    await t.restart();
    expect(open().current().maxOpenOrders).toBe(8);
  });

  it('skips a stored record the schema refuses, keeping the newest valid one', async () => {
    await open().update({ maxOpenOrders: 9 }, laptop);
    await t.store().ledger.append([
      {
        source: TRADING_CONTROLS_SOURCE,
        sourceEventId: 'risk-settings:bad',
        kind: RISK_SETTINGS_KIND,
        payload: { ...records()[0], settings: { ...DEFAULT_RISK_SETTINGS, maxOpenOrders: 0 } },
      },
    ]);
    expect(open().current().maxOpenOrders).toBe(9);
  });

  it('tells listeners after a recorded change', async () => {
    const settings = open();
    const seen: number[] = [];
    settings.onChanged((s) => seen.push(s.maxOpenOrders));
    await settings.update({ maxOpenOrders: 3 }, laptop);
    await settings.update({ maxOpenOrders: 3 }, laptop);
    expect(seen).toEqual([3]);
  });
});
