/**
 * `trading.mode_set` ledger events and the fold that rebuilds the switch from them. A trader's
 * event sets their switch; setting `active` or `reducing` also clears a system halt (the human
 * decision the halt waits for, recorded with what it cleared). A system event sets the persistent
 * halt; only a later trader event clears it.
 */
import { z } from 'zod';
import { TimestampMs, TradingMode, type TradingState } from '@pt/protocol';

export const TRADING_CONTROLS_SOURCE = 'agent.trading_controls';
export const TRADING_MODE_KIND = 'trading.mode_set';

/**
 * Why the agent halted itself. `unreadable_record` is the rebuild failing closed on a stored
 * switch event it cannot parse.
 */
export const SystemHaltCause = z.enum(['daily_loss', 'drawdown', 'flatten', 'unreadable_record']);
export type SystemHaltCause = z.infer<typeof SystemHaltCause>;

const Reason = z.string().min(1).max(500);

const ClearedHalt = z.strictObject({ cause: SystemHaltCause, reason: Reason, sinceMs: TimestampMs });

export const UserModeRecord = z.strictObject({
  changedBy: z.literal('user'),
  mode: TradingMode,
  reason: Reason,
  deviceId: z.string().min(1),
  deviceName: z.string().min(1),
  atMs: TimestampMs,
  /** The system halt this decision cleared, if one was set. */
  clearedSystemHalt: ClearedHalt.nullable(),
});
export type UserModeRecord = z.infer<typeof UserModeRecord>;

export const SystemModeRecord = z.strictObject({
  changedBy: z.literal('system'),
  mode: z.literal('halted'),
  cause: SystemHaltCause,
  reason: Reason,
  deviceId: z.null(),
  atMs: TimestampMs,
});
export type SystemModeRecord = z.infer<typeof SystemModeRecord>;

export const TradingModeRecord = z.discriminatedUnion('changedBy', [UserModeRecord, SystemModeRecord]);
export type TradingModeRecord = z.infer<typeof TradingModeRecord>;

/** A system halt still waiting for a human: its cause, and the state it imposes. */
export interface SystemHalt {
  cause: SystemHaltCause;
  state: TradingState;
}

export interface SwitchState {
  user: TradingState;
  systemHalt: SystemHalt | undefined;
}

/** Before any trader decision: on, so the venue gate and the risk limits decide. */
export function initialSwitchState(sinceMs: number): SwitchState {
  return {
    user: {
      mode: 'active',
      reason: 'Trading switch on (never changed)',
      changedBy: 'system',
      sinceMs,
    },
    systemHalt: undefined,
  };
}

export function applyModeRecord(state: SwitchState, record: TradingModeRecord): SwitchState {
  if (record.changedBy === 'system') {
    const { cause, reason, atMs } = record;
    return {
      ...state,
      systemHalt: { cause, state: { mode: 'halted', reason, changedBy: 'system', sinceMs: atMs } },
    };
  }
  const user: TradingState = {
    mode: record.mode,
    reason: record.reason,
    changedBy: 'user',
    sinceMs: record.atMs,
  };
  return { user, systemHalt: record.mode === 'halted' ? state.systemHalt : undefined };
}
