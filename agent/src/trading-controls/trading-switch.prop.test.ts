/**
 * Random sequences of trader decisions and system halts on a real SQLite store: the switch agrees
 * with a reference written from the rules' wording, and a restart (close + reopen) rebuilds
 * exactly the state it had.
 */
import type { TradingMode, TradingState } from '@pt/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../test/store/temp-dir.js';
import { mostRestrictive } from './compose.js';
import type { SystemHaltCause } from './mode-record.js';
import { laptop, openTestStore } from './test-store.js';
import { TradingSwitch } from './trading-switch.js';

type Op =
  | { by: 'user'; mode: TradingMode; reason: string }
  | { by: 'system'; cause: Exclude<SystemHaltCause, 'unreadable_record'>; reason: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    by: fc.constant('user' as const),
    mode: fc.constantFrom<TradingMode>('active', 'reducing', 'halted'),
    reason: fc.string({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({
    by: fc.constant('system' as const),
    cause: fc.constantFrom('daily_loss' as const, 'drawdown' as const, 'flatten' as const),
    reason: fc.string({ minLength: 1, maxLength: 8 }),
  }),
);

/**
 * Reference: the trader's switch is their last decision; a system halt is pending when one was
 * raised after the last time a human chose active or reducing, and the first such halt is shown.
 */
function reference(ops: readonly Op[]): { userMode: TradingMode; halt: string | undefined } {
  let lastClear = -1;
  ops.forEach((op, i) => {
    if (op.by === 'user' && op.mode !== 'halted') lastClear = i;
  });
  const users = ops.filter((op) => op.by === 'user');
  const firstHalt = ops.slice(lastClear + 1).find((op) => op.by === 'system');
  // A system reason is trimmed; a blank one is replaced.
  const halt = firstHalt === undefined ? undefined : firstHalt.reason.trim() || 'Halted by a safety rule';
  return { userMode: users.at(-1)?.mode ?? 'active', halt };
}

const venue: TradingState = { mode: 'active', reason: 'Reconciled', changedBy: 'system', sinceMs: 1 };

describe('TradingSwitch over random histories', () => {
  it('matches the reference and survives a restart unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 12 }), async (ops) => {
        const t = openTestStore();
        try {
          let clock = 1_000;
          const open = () =>
            TradingSwitch.open({
              ledger: t.store().ledger,
              venueGate: () => venue,
              logger: silentLogger,
              nowMs: () => clock++,
            });
          const sw = open();
          for (const op of ops) {
            if (op.by === 'user') await sw.setMode({ mode: op.mode, reason: op.reason }, laptop);
            else await sw.haltBySystem(op.cause, op.reason);
          }
          const expected = reference(ops);
          const parts = sw.parts();
          expect(parts.user.mode).toBe(expected.userMode);
          expect(parts.systemHalt?.reason).toBe(expected.halt);
          expect(sw.tradingState()).toEqual(mostRestrictive(parts));
          await t.restart();
          clock = 1_000; // the never-changed default is stamped with the open time
          expect(open().parts()).toEqual(parts);
        } finally {
          await t.cleanup();
        }
      }),
      { numRuns: 40 },
    );
  });
});
