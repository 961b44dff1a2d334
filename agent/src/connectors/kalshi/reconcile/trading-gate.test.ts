import { describe, expect, it } from 'vitest';
import { isAgentError } from '../../../lib/errors.js';
import { TradingGate, type GateState } from './trading-gate.js';

function clock(start = 1_000) {
  let now = start;
  return { nowMs: () => now, advance: (ms: number) => (now += ms) };
}

describe('TradingGate', () => {
  it('starts halted and refuses with TRADING_HALTED naming the reason', () => {
    const gate = new TradingGate(clock().nowMs);
    expect(gate.isOpen).toBe(false);
    expect(gate.toTradingState()).toMatchObject({ mode: 'halted', changedBy: 'system' });
    try {
      gate.assertOpen();
      expect.unreachable();
    } catch (err) {
      expect(isAgentError(err) && err.code).toBe('TRADING_HALTED');
      expect(isAgentError(err) && err.details).toEqual({ reason: 'not_started' });
    }
  });

  it('opens only when a reconciliation succeeds, and closes at the start of the next', () => {
    const time = clock();
    const gate = new TradingGate(time.nowMs);
    const phases: GateState['phase'][] = [];
    gate.onChange((state) => phases.push(state.phase));
    gate.beginReconcile();
    expect(gate.state().reason).toBe('reconciling');
    expect(gate.isOpen).toBe(false);
    time.advance(50);
    gate.reconcileSucceeded();
    expect(gate.isOpen).toBe(true);
    expect(gate.state()).toMatchObject({ sinceMs: 1_050, lastSuccessAtMs: 1_050, attempts: 1 });
    expect(gate.toTradingState().mode).toBe('active');
    gate.beginReconcile(); // e.g. after a WS reconnect
    expect(gate.isOpen).toBe(false);
    expect(phases).toEqual(['reconciling', 'open', 'reconciling']);
  });

  it('stays halted after a failure, with the reason in state and trading state', () => {
    const gate = new TradingGate(clock().nowMs);
    gate.beginReconcile();
    gate.reconcileFailed('contract: GET /portfolio/balance field balance_dollars');
    expect(gate.isOpen).toBe(false);
    expect(gate.state().reason).toBe(
      'reconcile_failed: contract: GET /portfolio/balance field balance_dollars',
    );
    expect(gate.toTradingState().reason).toMatch(/failed: contract/);
    expect(() => gate.assertOpen()).toThrow(/reconcile_failed: contract/);
    gate.reconcileFailed('');
    expect(gate.state().reason).toBe('reconcile_failed: unknown error');
  });

  it('halts while the stream is down, but keeps a failure reason visible', () => {
    const gate = new TradingGate(clock().nowMs);
    gate.reconcileSucceeded();
    gate.streamDown();
    expect(gate.state()).toMatchObject({ phase: 'stream_down', isOpen: false, reason: 'stream_down' });
    gate.beginReconcile();
    gate.streamDown(); // dropped again while reconciling: that pass must not open the gate
    gate.reconcileSucceeded();
    expect(gate.state().phase).toBe('stream_down');
    gate.reconcileFailed('transport: GET /portfolio/balance');
    gate.streamDown();
    expect(gate.state().phase).toBe('reconcile_failed');
  });

  it('reset() halts it again (connector stopped)', () => {
    const gate = new TradingGate(clock().nowMs);
    gate.reconcileSucceeded();
    gate.reset();
    expect(gate.state()).toMatchObject({ phase: 'not_started', isOpen: false });
  });
});
