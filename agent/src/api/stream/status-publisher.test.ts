import { describe, expect, it } from 'vitest';
import type { AgentStatus, HealthDetail, TradingState } from '@pt/protocol';
import { StreamHub } from './hub.js';
import { StatusPublisher } from './status-publisher.js';

const component = { light: 'green' as const, detail: 'ok', sinceMs: 1 };

function health(status: AgentStatus, venueDetail: string, checkedAtMs: number): HealthDetail {
  return {
    status,
    environment: 'sim',
    components: {
      venue: { ...component, detail: venueDetail },
      apiContract: component,
      dataLiveness: { ...component, staleTickers: [] },
      store: component,
      sentiment: { ...component, light: 'amber', detail: 'not configured' },
    },
    checkedAtMs,
  };
}

describe('StatusPublisher', () => {
  it('publishes health and trading state at start and then only when they change, not when the clock moves', () => {
    const hub = new StreamHub();
    let venue = 'reconciling';
    let clock = 10;
    let mode: TradingState['mode'] = 'halted';
    const publisher = new StatusPublisher(
      hub,
      {
        healthDetail: (status) => health(status, venue, clock),
        tradingState: () => ({ mode, reason: 'why', changedBy: 'system', sinceMs: 1 }),
      },
      () => 'ok',
      60_000,
    );
    publisher.start();
    expect([hub.currentSeq('health'), hub.currentSeq('trading_state')]).toEqual([1, 1]);
    clock += 1_000;
    publisher.publishChanges();
    expect([hub.currentSeq('health'), hub.currentSeq('trading_state')]).toEqual([1, 1]);
    venue = 'connected';
    mode = 'active';
    publisher.publishChanges();
    expect([hub.currentSeq('health'), hub.currentSeq('trading_state')]).toEqual([2, 2]);
    hub.reset();
    publisher.republish();
    expect([hub.currentSeq('health'), hub.currentSeq('trading_state')]).toEqual([1, 1]);
    publisher.stop();
  });
});
