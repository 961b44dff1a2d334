import { ComponentHealth, HealthDetail } from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import { ContractMonitor } from './contract/contract-monitor.js';
import { HealthTracker, budgetLight, exchangeLight, livenessLight, type HealthInputs } from './health.js';
import { TradingGate } from './reconcile/trading-gate.js';
import type { StreamState } from './ws/types.js';

const budget = {
  read: { tokens: 600, capacity: 600, refillPerSecond: 200, waiting: 0 },
  write: { tokens: 100, capacity: 100, refillPerSecond: 100, waiting: 0 },
};

function channel(isStale = false) {
  return { sid: 1, lastSeq: 5, lastDataAtMs: 900, isStale };
}

function stream(overrides: Partial<StreamState> = {}): StreamState {
  return {
    socket: 'open',
    connectedAtMs: 100,
    lastFrameAtMs: 900,
    reconnects: 0,
    failedAttempts: 0,
    channels: {
      orderbook_delta: channel(),
      trade: channel(),
      ticker: channel(),
      fill: channel(),
      user_orders: channel(),
      market_positions: channel(),
      market_lifecycle_v2: channel(),
    },
    markets: { 'KXTEST-A': { hasSnapshot: true, isStale: false, isQuotable: true, lastDataAtMs: 900 } },
    rejectedFrames: 0,
    ledgerErrors: 0,
    ...overrides,
  };
}

function inputs(overrides: Partial<HealthInputs> = {}): HealthInputs {
  const gate = new TradingGate(() => 1_000);
  gate.reconcileSucceeded();
  return {
    exchange: {
      status: { isExchangeActive: true, isTradingActive: true, estimatedResumeAtMs: undefined },
      error: undefined,
    },
    contract: new ContractMonitor(() => 1_000).state(),
    stream: stream(),
    gate: gate.state(),
    budget,
    ...overrides,
  };
}

describe('connector health', () => {
  it('is green only when every input says so, in protocol shapes', () => {
    const health = new HealthTracker(() => 2_000).build(inputs());
    for (const component of [health.venue, health.apiContract, health.dataLiveness, health.reconciliation]) {
      expect(component.light).toBe('green');
      expect(ComponentHealth.parse(component)).toEqual(expect.objectContaining({ sinceMs: 2_000 }));
    }
    expect(health.venue.detail).toMatch(/Rate budget read 600\/600, write 100\/100 tokens/);
    const detail = HealthDetail.parse({
      status: 'ok',
      environment: 'sim',
      components: {
        venue: health.venue,
        apiContract: health.apiContract,
        dataLiveness: health.dataLiveness,
        store: health.venue,
        sentiment: health.venue,
      },
      checkedAtMs: 2_000,
    });
    expect(detail.components.dataLiveness.staleTickers).toEqual([]);
  });

  it('never assumes green: unknown exchange status and no stream are amber', () => {
    expect(exchangeLight({ status: undefined, error: undefined }).light).toBe('amber');
    expect(livenessLight(undefined).light).toBe('amber');
  });

  it('reports exchange closed, trading paused and unreachable', () => {
    expect(
      exchangeLight({
        status: { isExchangeActive: false, isTradingActive: false, estimatedResumeAtMs: undefined },
        error: undefined,
      }),
    ).toEqual({ light: 'red', detail: 'Kalshi exchange closed (maintenance)' });
    expect(
      exchangeLight({
        status: { isExchangeActive: true, isTradingActive: false, estimatedResumeAtMs: 0 },
        error: undefined,
      }),
    ).toEqual({ light: 'amber', detail: 'Trading paused on Kalshi, resumes 1970-01-01T00:00:00.000Z' });
    expect(exchangeLight({ status: undefined, error: 'transport: GET /exchange/status' }).light).toBe('red');
  });

  it('turns the contract light red naming endpoint and field, and the venue red when reconciliation failed', () => {
    const contract = new ContractMonitor(() => 1_000);
    contract.reportViolation({
      source: 'rest',
      where: 'GET /portfolio/balance',
      field: 'balance_dollars',
      message: 'Required',
    });
    const gate = new TradingGate(() => 1_000);
    gate.reconcileFailed('contract: GET /portfolio/balance field balance_dollars');
    const health = new HealthTracker(() => 2_000).build(
      inputs({ contract: contract.state(), gate: gate.state() }),
    );
    expect(health.apiContract.light).toBe('red');
    expect(health.apiContract.detail).toMatch(/GET \/portfolio\/balance field balance_dollars/);
    expect(health.reconciliation.light).toBe('red');
    expect(health.reconciliation.detail).toMatch(/reconcile_failed: contract/);
    expect(health.venue.light).toBe('red');
  });

  it('reports stale markets by ticker, a dead socket and stale channels', () => {
    const staleMarket = stream({
      markets: {
        'KXTEST-A': { hasSnapshot: true, isStale: true, isQuotable: false, lastDataAtMs: 1 },
        'KXTEST-B': { hasSnapshot: true, isStale: false, isQuotable: true, lastDataAtMs: 900 },
      },
    });
    expect(livenessLight(staleMarket)).toMatchObject({ light: 'amber', staleTickers: ['KXTEST-A'] });
    expect(livenessLight(stream({ socket: 'backoff', failedAttempts: 3 }))).toMatchObject({
      light: 'red',
      detail: 'Kalshi WS backoff, attempt 3',
    });
    const stalled = stream();
    stalled.channels.fill = channel(true);
    expect(livenessLight(stalled)).toMatchObject({ light: 'red', detail: 'Kalshi WS channels stale: fill' });
  });

  it('goes amber when requests queue on a nearly empty bucket', () => {
    expect(
      budgetLight({ ...budget, write: { tokens: 2, capacity: 100, refillPerSecond: 100, waiting: 4 } }).light,
    ).toBe('amber');
    expect(
      budgetLight({ ...budget, write: { tokens: 2, capacity: 100, refillPerSecond: 100, waiting: 0 } }).light,
    ).toBe('green');
  });

  it('keeps sinceMs while the colour holds and moves it when the colour changes', () => {
    let now = 1_000;
    const tracker = new HealthTracker(() => now);
    expect(tracker.build(inputs()).dataLiveness.sinceMs).toBe(1_000);
    now = 2_000;
    expect(tracker.build(inputs()).dataLiveness.sinceMs).toBe(1_000);
    now = 3_000;
    expect(tracker.build(inputs({ stream: stream({ socket: 'connecting' }) })).dataLiveness.sinceMs).toBe(
      3_000,
    );
  });
});
