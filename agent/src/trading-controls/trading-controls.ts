/**
 * The trading controls of whichever environment is current: each environment's store gets its own
 * TradingSwitch and RiskSettingsStore, opened from its ledger the first time it is current (so a
 * demo/live switch picks up that environment's persisted halt and limits with no extra wiring).
 */
import type { SetTradingModeRequest, TradingEnvironment, TradingState } from '@pt/protocol';
import type { Logger } from 'pino';
import type { AuthenticatedDevice } from '../auth/types.js';
import { AgentError } from '../lib/errors.js';
import type { RiskSettings } from '../risk/index.js';
import type { Store } from '../store/index.js';
import { RiskSettingsStore, type RiskSettingsInput } from './risk-settings-store.js';
import type { SystemHaltCause } from './mode-record.js';
import { TradingSwitch } from './trading-switch.js';

/** What the controls need of the EnvironmentRuntime (it has all of it). */
export interface ControlsRuntime {
  current(): { environment: TradingEnvironment; store: Store };
  /** The venue gate of the current environment: halted with no venue, mid-switch, until reconciled. */
  tradingState(): TradingState;
  switchingTo(): TradingEnvironment | undefined;
}

export interface TradingControlsOptions {
  runtime: ControlsRuntime;
  logger: Logger;
  /**
   * The trader chose to trade again (`active` / `reducing`): the human decision that also clears
   * the current venue's API-contract halt (a drifted venue answer fails closed until a human says
   * go on; a drift that persists turns it red again at its next answer). Called before the change
   * is recorded, so the recorded state already reflects it.
   */
  onHumanResume?: (device: AuthenticatedDevice) => void;
  nowMs?: () => number;
}

export type ControlsListener = (event: {
  environment: TradingEnvironment;
  tradingState: TradingState;
}) => void;
export type SettingsListener = (event: { environment: TradingEnvironment; settings: RiskSettings }) => void;

interface Controls {
  environment: TradingEnvironment;
  switch: TradingSwitch;
  settings: RiskSettingsStore;
}

export class TradingControls {
  private readonly byStore = new WeakMap<Store, Controls>();
  private readonly stateListeners = new Set<ControlsListener>();
  private readonly settingsListeners = new Set<SettingsListener>();

  constructor(private readonly options: TradingControlsOptions) {}

  /** The effective state of the current environment (what /v1/status, the stream and the order road read). */
  tradingState(): TradingState {
    const { runtime } = this.options;
    // Mid-switch the previous store may already be closed: no ledger read, the runtime says why.
    const controls = runtime.switchingTo() === undefined ? this.controls() : this.cached();
    return controls?.switch.tradingState() ?? runtime.tradingState();
  }

  /** The parts of the current environment's state (for the UI's detail and the tests). */
  currentSwitch(): TradingSwitch {
    return this.controls().switch;
  }

  async setMode(request: SetTradingModeRequest, device: AuthenticatedDevice): Promise<TradingState> {
    const controls = this.controlsForWrite();
    if (request.mode !== 'halted') this.options.onHumanResume?.(device);
    return controls.switch.setMode(request, device);
  }

  /** A safety rule's persistent halt on the current environment (daily loss, drawdown, Flatten All). */
  async haltBySystem(cause: SystemHaltCause, reason: string): Promise<TradingState> {
    return this.controlsForWrite().switch.haltBySystem(cause, reason);
  }

  riskSettings(): RiskSettings {
    return this.controls().settings.current();
  }

  async updateRiskSettings(
    changes: Partial<RiskSettingsInput>,
    device: AuthenticatedDevice,
  ): Promise<RiskSettings> {
    return this.controlsForWrite().settings.update(changes, device);
  }

  /** After each recorded change of a switch or a system halt, in any environment. */
  onTradingStateChanged(listener: ControlsListener): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  onRiskSettingsChanged(listener: SettingsListener): () => void {
    this.settingsListeners.add(listener);
    return () => this.settingsListeners.delete(listener);
  }

  private controlsForWrite(): Controls {
    const to = this.options.runtime.switchingTo();
    if (to !== undefined)
      throw new AgentError('CONFLICT', `Switching to ${to}: try again once the switch is done`, {
        retryable: true,
      });
    return this.controls();
  }

  private cached(): Controls | undefined {
    return this.byStore.get(this.options.runtime.current().store);
  }

  private controls(): Controls {
    const { runtime, logger, nowMs } = this.options;
    const { environment, store } = runtime.current();
    const existing = this.byStore.get(store);
    if (existing !== undefined) return existing;
    const common = {
      ledger: store.ledger,
      logger: logger.child({ module: 'trading-controls', environment }),
    };
    const clock = nowMs === undefined ? {} : { nowMs };
    const controls: Controls = {
      environment,
      switch: TradingSwitch.open({ ...common, ...clock, venueGate: () => runtime.tradingState() }),
      settings: RiskSettingsStore.open({ ...common, ...clock }),
    };
    controls.switch.onChanged((tradingState) => {
      for (const listener of this.stateListeners) listener({ environment, tradingState });
    });
    controls.settings.onChanged((settings) => {
      for (const listener of this.settingsListeners) listener({ environment, settings });
    });
    this.byStore.set(store, controls);
    return controls;
  }
}
