/**
 * `risk.settings_changed` ledger events: the full settings after the change (the latest wins at
 * open), the per-field before/after diff, and the paired device that made it.
 */
import { z } from 'zod';
import { TimestampMs } from '@pt/protocol';
import { RiskSettings } from '../risk/index.js';

export const RISK_SETTINGS_KIND = 'risk.settings_changed';

export const SettingsChange = z.strictObject({
  field: z.string().min(1),
  before: z.union([z.number(), z.boolean()]),
  after: z.union([z.number(), z.boolean()]),
});
export type SettingsChange = z.infer<typeof SettingsChange>;

export const RiskSettingsRecord = z.strictObject({
  /** Parsed again with RiskSettings at open: a record the current schema refuses is skipped. */
  settings: z.record(z.string(), z.unknown()),
  changes: z.array(SettingsChange).min(1),
  deviceId: z.string().min(1),
  deviceName: z.string().min(1),
  atMs: TimestampMs,
});
export type RiskSettingsRecord = z.infer<typeof RiskSettingsRecord>;

const FIELDS = Object.keys(RiskSettings.shape) as (keyof RiskSettings)[];

/** The fields whose value differs, in schema order. */
export function diffSettings(before: RiskSettings, after: RiskSettings): SettingsChange[] {
  return FIELDS.filter((field) => before[field] !== after[field]).map((field) => ({
    field,
    before: before[field],
    after: after[field],
  }));
}
