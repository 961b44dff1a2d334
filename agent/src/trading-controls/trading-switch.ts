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
import { readAllOfKind, type ControlsLedger } from './ledger-pages.js';
import {
  TRADING_CONTROLS_SOURCE,
  TRADING_MODE_KIND,
  TradingModeRecord,
  applyModeRecord,
  initialSwitchState,
  type SwitchState,
  type SystemHalt,
  type SystemHaltCause,
} from './mode-record.js';

export interface TradingSwitchOptions {
  ledger: ControlsLedger;
  /** The venue's gate for this environment (the connector's `tradingState()`, or halted without one). */
  venueGate: () => TradingState;
  logger: Logger;
  nowMs?: () => number;
}

export type TradingStateListener = (state: TradingState) => void;

export class TradingSwitch {
  private readonly listeners = new Set<TradingStateListener>();
  private readonly nowMs: () => number;
  /** Writes run one after another, so memory always follows the ledger's order. */
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly options: TradingSwitchOptions,
    private state: SwitchState,
  ) {
    this.nowMs = options.nowMs ?? Date.now;
  }

  /** Rebuilds the switch from the ledger (synchronous read). An unreadable event halts (fail closed). */
  static open(options: TradingSwitchOptions): TradingSwitch {
    const nowMs = (options.nowMs ?? Date.now)();
    let state = initialSwitchState(nowMs);
    for (const event of readAllOfKind(options.ledger, TRADING_MODE_KIND, TRADING_CONTROLS_SOURCE)) {
      const parsed = TradingModeRecord.safeParse(event.payload);
      if (parsed.success) {
        state = applyModeRecord(state, parsed.data);
        continue;
      }
      options.logger.error({ ledgerId: event.id }, 'unreadable trading switch event: halting');
      state = applyModeRecord(state, {
        changedBy: 'system',
        mode: 'halted',
        cause: 'unreadable_record',
        reason: `Trading switch record #${event.id} is unreadable: check it, then switch trading back on`,
        deviceId: null,
        atMs: event.ingestTsMs,
      });
    }
    return new TradingSwitch(options, state);
  }

  /** The effective state: the most restrictive of the system halt, the trader's switch and the venue. */
  tradingState(): TradingState {
    return mostRestrictive(this.parts());
  }

  parts(): TradingStateParts {
    return {
      user: this.state.user,
      systemHalt: this.state.systemHalt?.state,
      venue: this.options.venueGate(),
    };
  }

  systemHalt(): SystemHalt | undefined {
    return this.state.systemHalt;
  }

  /**
   * A trader's decision from a paired device, recorded (who, when, why) before it takes effect.
   * `active` or `reducing` also clears a system halt: this request is the human decision it waits for.
   */
  setMode(request: SetTradingModeRequest, device: AuthenticatedDevice): Promise<TradingState> {
    return this.serial(async () => {
      const halt = this.state.systemHalt;
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
      return this.tradingState();
    });
  }

  /**
   * A safety rule halts trading until a human switches it back on. While a system halt is set,
   * another one records nothing (the first cause stays the one shown).
   */
  haltBySystem(cause: SystemHaltCause, reason: string): Promise<TradingState> {
    return this.serial(async () => {
      if (this.state.systemHalt === undefined) {
        await this.record({
          changedBy: 'system',
          mode: 'halted',
          cause,
          reason,
          deviceId: null,
          atMs: this.nowMs(),
        });
      }
      return this.tradingState();
    });
  }

  /** Called after each recorded change of the switch or the system halt (the venue gate is not watched here). */
  onChanged(listener: TradingStateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async record(input: TradingModeRecord): Promise<void> {
    const record = TradingModeRecord.parse(input);
    await this.options.ledger.append([
      {
        source: TRADING_CONTROLS_SOURCE,
        sourceEventId: `mode:${record.atMs}:${randomUUID()}`,
        kind: TRADING_MODE_KIND,
        payload: record,
        venueTsMs: null,
      },
    ]);
    this.state = applyModeRecord(this.state, record);
    this.options.logger.info(
      { mode: record.mode, changedBy: record.changedBy, deviceId: record.deviceId },
      'trading switch changed',
    );
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
