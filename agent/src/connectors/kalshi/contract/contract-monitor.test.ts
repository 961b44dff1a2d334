import { describe, expect, it } from 'vitest';
import { ContractMonitor } from './contract-monitor.js';

describe('ContractMonitor', () => {
  it('goes red on a violation with where and field, and green again only when acknowledged', () => {
    let now = 1_000;
    const monitor = new ContractMonitor(() => now);
    const seen: string[] = [];
    monitor.onChange((state) => seen.push(state.status));
    expect(monitor.state().status).toBe('green');
    monitor.reportViolation({
      source: 'rest',
      where: 'GET /markets/{ticker}',
      field: 'market.yes_bid_dollars',
      message: 'Required',
    });
    now = 2_000;
    monitor.reportViolation({
      source: 'ws',
      where: 'orderbook_delta',
      field: 'msg.seq',
      message: 'expected number',
    });
    const red = monitor.state();
    expect(red.status).toBe('red');
    expect(red.violations.map((v) => [v.where, v.field, v.atMs])).toEqual([
      ['orderbook_delta', 'msg.seq', 2_000],
      ['GET /markets/{ticker}', 'market.yes_bid_dollars', 1_000],
    ]);
    monitor.acknowledge();
    expect(monitor.state().status).toBe('green');
    expect(seen).toEqual(['red', 'red', 'green']);
  });

  it('reports each unknown field once and keeps the light green', () => {
    const monitor = new ContractMonitor(() => 5);
    expect(monitor.reportUnknownField('rest', 'GET /markets', 'markets[].new_field')).toBe(true);
    expect(monitor.reportUnknownField('rest', 'GET /markets', 'markets[].new_field')).toBe(false);
    expect(monitor.reportUnknownField('ws', 'ticker', 'msg.new_field')).toBe(true);
    const state = monitor.state();
    expect(state.status).toBe('green');
    expect(state.unknownFields).toHaveLength(2);
  });

  it('keeps at most 50 violations, newest first', () => {
    const monitor = new ContractMonitor(() => 0);
    for (let i = 0; i < 60; i += 1) {
      monitor.reportViolation({ source: 'rest', where: 'GET /x', field: `f${i}`, message: 'm' });
    }
    const { violations } = monitor.state();
    expect(violations).toHaveLength(50);
    expect(violations[0]?.field).toBe('f59');
  });
});
