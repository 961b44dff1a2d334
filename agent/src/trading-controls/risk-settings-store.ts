/**
 * The current risk settings of one environment, persisted in its ledger: the latest
 * `risk.settings_changed` event wins at open, the defaults when there is none. Every change is
 * validated with the risk module's schema (errors name the field) and recorded with its diff.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { validationErrorBody } from '@pt/protocol';
import type { Logger } from 'pino';
import type { AuthenticatedDevice } from '../auth/types.js';
import { AgentError } from '../lib/errors.js';
import { DEFAULT_RISK_SETTINGS, RiskSettings } from '../risk/index.js';
import { readAllOfKind, type ControlsLedger } from './ledger-pages.js';
import { TRADING_CONTROLS_SOURCE } from './mode-record.js';
import { RISK_SETTINGS_KIND, RiskSettingsRecord, diffSettings } from './settings-record.js';

export type RiskSettingsInput = z.input<typeof RiskSettings>;

export interface RiskSettingsStoreOptions {
  ledger: ControlsLedger;
  logger: Logger;
  nowMs?: () => number;
  /** Before any change is recorded (default DEFAULT_RISK_SETTINGS). */
  defaults?: RiskSettings;
}

export type RiskSettingsListener = (settings: RiskSettings) => void;

export class RiskSettingsStore {
  private readonly listeners = new Set<RiskSettingsListener>();
  private readonly nowMs: () => number;
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly options: RiskSettingsStoreOptions,
    private settings: RiskSettings,
  ) {
    this.nowMs = options.nowMs ?? Date.now;
  }

  /** Reads the ledger (synchronously): the newest record the schema accepts, else the defaults. */
  static open(options: RiskSettingsStoreOptions): RiskSettingsStore {
    let settings = options.defaults ?? DEFAULT_RISK_SETTINGS;
    for (const event of readAllOfKind(options.ledger, RISK_SETTINGS_KIND, TRADING_CONTROLS_SOURCE)) {
      const record = RiskSettingsRecord.safeParse(event.payload);
      const parsed = record.success ? RiskSettings.safeParse(record.data.settings) : undefined;
      if (parsed?.success === true) settings = parsed.data;
      else options.logger.error({ ledgerId: event.id }, 'unreadable risk settings record skipped');
    }
    return new RiskSettingsStore(options, settings);
  }

  current(): RiskSettings {
    return this.settings;
  }

  /**
   * Applies `changes` (any subset of the fields, or all of them) over the current settings. Refuses
   * with VALIDATION_FAILED naming the first bad field; records the diff (a no-op records nothing).
   */
  update(changes: Partial<RiskSettingsInput>, device: AuthenticatedDevice): Promise<RiskSettings> {
    return this.serial(async () => {
      const before = this.settings;
      const parsed = RiskSettings.safeParse({ ...before, ...changes });
      if (!parsed.success) {
        const body = validationErrorBody(parsed.error);
        throw new AgentError(body.code, body.message, {}, body.details);
      }
      const after = parsed.data;
      const diff = diffSettings(before, after);
      if (diff.length === 0) return before;
      const record = RiskSettingsRecord.parse({
        settings: { ...after },
        changes: diff,
        deviceId: device.deviceId,
        deviceName: device.name,
        atMs: this.nowMs(),
      } satisfies RiskSettingsRecord);
      await this.options.ledger.append([
        {
          source: TRADING_CONTROLS_SOURCE,
          sourceEventId: `risk-settings:${record.atMs}:${randomUUID()}`,
          kind: RISK_SETTINGS_KIND,
          payload: record,
          venueTsMs: null,
        },
      ]);
      this.settings = after;
      this.options.logger.info(
        { fields: diff.map((c) => c.field), deviceId: device.deviceId },
        'risk settings changed',
      );
      for (const listener of this.listeners) {
        try {
          listener(after);
        } catch (err) {
          this.options.logger.error({ err }, 'risk settings listener threw');
        }
      }
      return after;
    });
  }

  onChanged(listener: RiskSettingsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
