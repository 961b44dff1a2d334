/**
 * @module
 * The tray's view of the running agent: the same in-process services the API routes call
 * (TradingControls, FlattenService, the pairing codes, the health reporter, diagnostics), with the
 * tray acting as a local device named "tray" in the ledger.
 */
import { join } from 'node:path';
import type { FlattenReport } from '@pt/protocol';
import { pairUrl } from '../auth/pairing-notice.js';
import type { AuthenticatedDevice } from '../auth/types.js';
import type { AgentConfig } from '../config/schema.js';
import { writeDiagnostics } from '../diagnostics/bundle.js';
import type { AgentApi } from '../wiring/agent-api.js';
import { trayState } from './tray-state.js';
import type { TrayState } from './tray-state.js';

export interface TrayServices {
  state(): TrayState;
  halt(): Promise<void>;
  resume(): Promise<void>;
  /** Runs Flatten All to its end; one line saying what it did. */
  flatten(): Promise<string>;
  /** A fresh pairing URL (the previous code stops working). */
  pair(): string;
  commandCenterUrl(): string;
  saveDiagnostics(): Promise<string>;
  logDir: string;
  quit(): void;
}

export type TrayApi = Pick<AgentApi, 'reporter' | 'controls' | 'flatten' | 'codes' | 'guard'>;

/** What a finished Flatten All did, in one line for the menu. */
export function flattenSummary(report: FlattenReport): string {
  const cancel = report.cancel;
  const cancelled = cancel === null ? 'cancel not finished' : `${cancel.canceled} orders cancelled`;
  const before = report.positionsBefore ?? '?';
  const after = report.positionsAfter ?? '?';
  return `Flatten All: ${cancelled}, positions ${before} → ${after}`;
}

export function trayServices(api: TrayApi, config: AgentConfig, quit: () => void): TrayServices {
  const device = (): AuthenticatedDevice => ({
    deviceId: 'dev_local_tray',
    name: 'tray',
    origin: api.guard.canonicalOrigin(),
  });
  return {
    state: () => trayState(api.reporter.healthDetail('ok'), api.controls.tradingState()),
    halt: async () => {
      await api.controls.setMode({ mode: 'halted', reason: 'Halted from the tray' }, device());
    },
    resume: async () => {
      await api.controls.setMode({ mode: 'active', reason: 'Resumed from the tray (confirmed)' }, device());
    },
    flatten: async () => flattenSummary(await api.flatten.press().done),
    pair: () => pairUrl(api.guard.canonicalOrigin(), api.codes.issue().code),
    commandCenterUrl: () => `${api.guard.canonicalOrigin()}/`,
    saveDiagnostics: () => writeDiagnostics({ config, nowMs: Date.now() }),
    logDir: join(config.dataDir, 'logs'),
    quit,
  };
}
