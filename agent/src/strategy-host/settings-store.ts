/**
 * Each strategy's enablement and config in one environment, persisted in its ledger
 * (`strategy.settings_changed`, source `agent.strategies`): the newest record per strategy wins
 * at open; none → disabled with the schema's defaults. A change is validated with the strategy's
 * own schema (VALIDATION_FAILED naming the field, under `config.`) before it is recorded.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { TimestampMs, validationErrorBody } from '@pt/protocol';
import type { Logger } from 'pino';
import { AgentError } from '../lib/errors.js';
import type { StrategyDefinition } from '../strategies/index.js';
import { readAllOfKind, type ControlsLedger } from '../trading-controls/ledger-pages.js';

export const STRATEGY_SOURCE = 'agent.strategies';
export const STRATEGY_SETTINGS_KIND = 'strategy.settings_changed';

const SettingsRecord = z.strictObject({
  strategyId: z.string().min(1),
  isEnabled: z.boolean(),
  config: z.record(z.string(), z.unknown()),
  deviceId: z.string().min(1).nullable(),
  atMs: TimestampMs,
});

export interface StrategySettings {
  readonly isEnabled: boolean;
  readonly config: unknown;
  readonly changedAtMs: number | null;
}

export interface StrategySettingsChange {
  isEnabled?: boolean | undefined;
  config?: Record<string, unknown> | undefined;
}

export class StrategySettingsStore {
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly ledger: ControlsLedger,
    private readonly definitions: readonly StrategyDefinition[],
    private readonly settings: Map<string, StrategySettings>,
    private readonly logger: Pick<Logger, 'info' | 'error'>,
    private readonly nowMs: () => number,
  ) {}

  static open(options: {
    ledger: ControlsLedger;
    definitions: readonly StrategyDefinition[];
    logger: Pick<Logger, 'info' | 'error'>;
    nowMs?: () => number;
  }): StrategySettingsStore {
    const settings = new Map<string, StrategySettings>();
    for (const d of options.definitions) {
      settings.set(d.id, { isEnabled: false, config: d.configSchema.parse({}), changedAtMs: null });
    }
    for (const event of readAllOfKind(options.ledger, STRATEGY_SETTINGS_KIND, STRATEGY_SOURCE)) {
      const record = SettingsRecord.safeParse(event.payload);
      const definition = record.success
        ? options.definitions.find((d) => d.id === record.data.strategyId)
        : undefined;
      const config = definition?.configSchema.safeParse(record.success ? record.data.config : undefined);
      if (!record.success || config?.success !== true) {
        options.logger.error({ ledgerId: event.id }, 'unreadable strategy settings record skipped');
        continue;
      }
      settings.set(record.data.strategyId, {
        isEnabled: record.data.isEnabled,
        config: config.data,
        changedAtMs: record.data.atMs,
      });
    }
    return new StrategySettingsStore(
      options.ledger,
      options.definitions,
      settings,
      options.logger,
      options.nowMs ?? Date.now,
    );
  }

  get(strategyId: string): StrategySettings {
    const settings = this.settings.get(strategyId);
    if (settings === undefined) throw new AgentError('NOT_FOUND', `no strategy ${strategyId}`);
    return settings;
  }

  /** Applies and records a change; a config is a full replacement (omitted fields take defaults). */
  update(
    strategyId: string,
    change: StrategySettingsChange,
    deviceId: string | null,
  ): Promise<StrategySettings> {
    const run = this.tail.then(async () => {
      const definition = this.definitions.find((d) => d.id === strategyId);
      if (definition === undefined) throw new AgentError('NOT_FOUND', `no strategy ${strategyId}`);
      const before = this.get(strategyId);
      let config = before.config;
      if (change.config !== undefined) {
        const parsed = definition.configSchema.safeParse(change.config);
        if (!parsed.success) {
          const body = validationErrorBody(parsed.error);
          const inner = body.details?.field;
          const field = typeof inner === 'string' && inner !== '(root)' ? `config.${inner}` : 'config';
          const message = field === 'config' ? `config: ${body.message}` : `config.${body.message}`;
          throw new AgentError(body.code, message, {}, { ...body.details, field });
        }
        config = parsed.data;
      }
      const after: StrategySettings = {
        isEnabled: change.isEnabled ?? before.isEnabled,
        config,
        changedAtMs: this.nowMs(),
      };
      const record = SettingsRecord.parse({
        strategyId,
        isEnabled: after.isEnabled,
        config: after.config as Record<string, unknown>,
        deviceId,
        atMs: after.changedAtMs,
      });
      await this.ledger.append([
        {
          source: STRATEGY_SOURCE,
          sourceEventId: `strategy-settings:${strategyId}:${record.atMs}:${randomUUID()}`,
          kind: STRATEGY_SETTINGS_KIND,
          payload: record,
          venueTsMs: null,
        },
      ]);
      this.settings.set(strategyId, after);
      this.logger.info({ strategyId, isEnabled: after.isEnabled, deviceId }, 'strategy settings changed');
      return after;
    });
    this.tail = run.catch(() => undefined);
    return run;
  }
}
