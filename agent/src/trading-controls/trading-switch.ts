/**
 * The trader's trading switch for one environment, event-sourced in that environment's ledger
 * (`trading.mode_set`): rebuilt at open, so a system halt survives a restart until a human clears
 * it. The effective state is the most restrictive of the switch, the system halt and the venue gate.
 */
import { randomUUID } from 'node:crypto';
import type { SetTradingModeRequest, TradingState } from '@pt/protocol';
import type { Logger } from 'pino';
import type { AuthenticatedDevice } from '../auth/types.js';
import { mostRestrictive, type TradingStateParts } from './compose.js';
import type { ControlsLedger } from './ledger-pages.js';
import {
  TRADING_CONTROLS_SOURCE,
  TRADING_MODE_KIND,
  TradingModeRecord,
  applyModeRecord,
  type SwitchState,
  type SystemHalt,
  type SystemHaltCause,
} from './mode-record.js';
import { rebuildSwitchState } from './rebuild.js';

export interface TradingSwitchOptions {
  ledger: ControlsLedger;
  /** The venue's gate for this environment (the connector's `tradingState()`, or halted without one). */
  venueGate: () => TradingState;
  logger: Logger;
  nowMs?: () => number;
}

export type TradingStateListener = (state: TradingState) => void;

const MAX_REASON_CHARS = 500;

export class TradingSwitch {
  private readonly listeners = new Set<TradingStateListener>();
  private readonly nowMs: () => number;
  /** Writes run one after another in request order, so `state` always follows the ledger's order. */
  private tail: Promise<unknown> = Promise.resolve();
  /** Request order: a trader's decision clears only a system halt raised before it. */
  private requests = 0;
  /** A system halt in force but not (yet) committed: it holds from the moment it is raised. */
  private unrecorded: { halt: SystemHalt; request: number } | undefined;

  private constructor(
    private readonly options: TradingSwitchOptions,
    /** Exactly what the committed ledger events fold to. */
    private state: SwitchState,
  ) {
    this.nowMs = options.nowMs ?? Date.now;
  }

  /** Rebuilds the switch from the ledger (synchronous read). */
  static open(options: TradingSwitchOptions): TradingSwitch {
    const nowMs = (options.nowMs ?? Date.now)();
    return new TradingSwitch(options, rebuildSwitchState(options.ledger, options.logger, nowMs));
  }

  /** The effective state: the most restrictive of the system halt, the trader's switch and the venue. */
  tradingState(): TradingState {
    return mostRestrictive(this.parts());
  }

  parts(): TradingStateParts {
    return { user: this.state.user, systemHalt: this.systemHalt()?.state, venue: this.options.venueGate() };
  }

  systemHalt(): SystemHalt | undefined {
    return this.state.systemHalt ?? this.unrecorded?.halt;
  }

  /**
   * A trader's decision from a paired device, recorded (who, when, why) before it takes effect.
   * `active` or `reducing` also clears a system halt: this request is the human decision it waits for.
   */
  setMode(request: SetTradingModeRequest, device: AuthenticatedDevice): Promise<TradingState> {
    const order = ++this.requests;
    return this.serial(async () => {
      const earlier = this.unrecorded !== undefined && this.unrecorded.request < order;
      const halt = this.state.systemHalt ?? (earlier ? this.unrecorded?.halt : undefined);
      const clears = request.mode !== 'halted' && halt !== undefined;
      await this.record({
        changedBy: 'user',
        mode: request.mode,
        reason: request.reason,
        deviceId: device.deviceId,
        deviceName: device.name,
        atMs: this.nowMs(),
        clearedSystemHalt: clears
          ? { cause: halt.cause, reason: halt.state.reason, sinceMs: halt.state.sinceMs }
          : null,
      });
      if (clears && earlier) this.unrecorded = undefined;
      this.notify();
      return this.tradingState();
    });
  }

  /**
   * A safety rule halts trading until a human switches it back on. The halt holds at once, before
   * its ledger write; if that write fails the error is thrown and this process stays halted (a
   * restart would not know). While a system halt is set, another records nothing.
   */
  haltBySystem(cause: SystemHaltCause, reason: string): Promise<TradingState> {
    if (this.systemHalt() !== undefined) return Promise.resolve(this.tradingState());
    const record = TradingModeRecord.parse({
      changedBy: 'system',
      mode: 'halted',
      cause,
      reason: reason.trim().slice(0, MAX_REASON_CHARS) || 'Halted by a safety rule',
      deviceId: null,
      atMs: this.nowMs(),
    } satisfies TradingModeRecord);
    const request = ++this.requests;
    const halt = applyModeRecord(this.state, record).systemHalt;
    if (halt !== undefined) this.unrecorded = { halt, request };
    this.notify();
    return this.serial(async () => {
      try {
        await this.record(record);
      } catch (err) {
        this.options.logger.error({ err, cause }, 'system halt not recorded: halted in this process only');
        throw err;
      }
      if (this.unrecorded?.request === request) this.unrecorded = undefined;
      return this.tradingState();
    });
  }

  /** Called when the switch or the system halt changes (the venue gate is not watched here). */
  onChanged(listener: TradingStateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Appends the event and, once committed, folds it into `state`. */
  private async record(record: TradingModeRecord): Promise<void> {
    await this.options.ledger.append([
      {
        source: TRADING_CONTROLS_SOURCE,
        sourceEventId: `mode:${record.atMs}:${randomUUID()}`,
        kind: TRADING_MODE_KIND,
        payload: TradingModeRecord.parse(record),
        venueTsMs: null,
      },
    ]);
    this.state = applyModeRecord(this.state, record);
    const { mode, changedBy, deviceId } = record;
    this.options.logger.info({ mode, changedBy, deviceId }, 'trading switch changed');
  }

  private notify(): void {
    const effective = this.tradingState();
    for (const listener of this.listeners) {
      try {
        listener(effective);
      } catch (err) {
        this.options.logger.error({ err }, 'trading state listener threw');
      }
    }
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
