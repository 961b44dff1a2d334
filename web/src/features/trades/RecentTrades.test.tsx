// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MarketTrade } from '@pt/protocol';
import { setAgentRest } from '../../app/services.js';
import { fakeAgent } from '../../test/fake-agent.js';
import type { FakeAgent } from '../../test/fake-agent.js';
import { RecentTrades, TRADES_POLL_MS } from './RecentTrades.js';
import { useTradesStore } from './trades.store.js';

const TICKER = 'KXHIGHNY-25NOV25-B58.5';

function trades(n: number, priceE4 = 5_600, from = 0): MarketTrade[] {
  return Array.from({ length: n }, (_, i) =>
    MarketTrade.parse({
      tradeId: `00000000-0000-4000-8000-${String(from + i).padStart(12, '0')}`,
      yesPriceE4: priceE4 - i,
      countE2: 250,
      takerSide: i % 2 === 0 ? 'yes' : 'no',
      executedAtMs: 1_764_000_000_000 - i * 1_000,
    }),
  );
}

let agent: FakeAgent;
beforeEach(() => {
  agent = fakeAgent();
  setAgentRest(agent.rest);
  useTradesStore.setState({ ticker: null, trades: [], historyTrades: null, isCached: false, error: null });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const rows = (): string[] =>
  Array.from(screen.getByTestId('recent-trades').querySelectorAll('tbody tr'), (tr) => tr.textContent ?? '');

describe('RecentTrades (fake agent client)', () => {
  it('lists the newest 20 trades: price, size and taker side', async () => {
    agent.trades[TICKER] = trades(30);
    render(<RecentTrades ticker={TICKER} />);
    await waitFor(() => expect(rows()).toHaveLength(20));
    expect(rows()[0]).toMatch(/\$0\.56002\.50YES$/);
    expect(rows()[1]).toMatch(/\$0\.55992\.50NO$/);
    expect(useTradesStore.getState().historyTrades).toHaveLength(30);
  });

  it('re-reads on an interval; the chart history stays the first answer', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    agent.trades[TICKER] = trades(2);
    render(<RecentTrades ticker={TICKER} />);
    await waitFor(() => expect(rows()).toHaveLength(2));
    agent.trades[TICKER] = [...trades(1, 6_000, 100), ...trades(2)];
    await act(() => vi.advanceTimersByTimeAsync(TRADES_POLL_MS));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows()[0]).toContain('$0.6000');
    expect(useTradesStore.getState().historyTrades).toHaveLength(2);
  });

  it('shows cached trades marked as cached until the agent answers, then the agent’s replace them', async () => {
    let answer: (value: void) => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const rest = agent.rest;
    setAgentRest({
      ...rest,
      marketTrades: async (ticker) => {
        await gate;
        return rest.marketTrades(ticker);
      },
    });
    agent.trades[TICKER] = trades(1, 7_000);
    render(<RecentTrades ticker={TICKER} />);
    act(() => useTradesStore.getState().paintCached(TICKER, trades(3, 1_000)));
    expect(screen.getByTestId('recent-trades').dataset['cached']).toBe('true');
    expect(screen.getByText('(cached, waiting for the agent)')).toBeTruthy();
    expect(rows()[0]).toContain('$0.1000');
    answer();
    await waitFor(() => expect(screen.getByTestId('recent-trades').dataset['cached']).toBe('false'));
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toContain('$0.7000');
    expect(useTradesStore.getState().historyTrades?.[0]?.yesPriceE4).toBe(7_000);
    // A late cache read never paints over the agent's answer.
    act(() => useTradesStore.getState().paintCached(TICKER, trades(3, 1_000)));
    expect(rows()[0]).toContain('$0.7000');
  });

  it('shows the agent’s refusal (no venue)', async () => {
    setAgentRest({ ...agent.rest, marketTrades: () => Promise.reject(new Error('No venue is running')) });
    render(<RecentTrades ticker={TICKER} />);
    expect((await screen.findByRole('alert')).textContent).toBe('Trades: No venue is running');
  });
});
