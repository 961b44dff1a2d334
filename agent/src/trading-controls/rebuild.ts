import type { Logger } from 'pino';
import { readAllOfKind, type ControlsLedger } from './ledger-pages.js';
import {
  TRADING_CONTROLS_SOURCE,
  TRADING_MODE_KIND,
  TradingModeRecord,
  applyModeRecord,
  initialSwitchState,
  type SwitchState,
} from './mode-record.js';

/**
 * The switch as the ledger left it: every `trading.mode_set` event folded in append order. An
 * event that does not parse halts (fail closed) until a trader switches trading back on.
 */
export function rebuildSwitchState(ledger: ControlsLedger, logger: Logger, nowMs: number): SwitchState {
  let state = initialSwitchState(nowMs);
  for (const event of readAllOfKind(ledger, TRADING_MODE_KIND, TRADING_CONTROLS_SOURCE)) {
    const parsed = TradingModeRecord.safeParse(event.payload);
    if (parsed.success) {
      state = applyModeRecord(state, parsed.data);
      continue;
    }
    logger.error({ ledgerId: event.id }, 'unreadable trading switch event: halting');
    state = applyModeRecord(state, {
      changedBy: 'system',
      mode: 'halted',
      cause: 'unreadable_record',
      reason: `Trading switch record #${event.id} is unreadable: check it, then switch trading back on`,
      deviceId: null,
      atMs: event.ingestTsMs,
    });
  }
  return state;
}
