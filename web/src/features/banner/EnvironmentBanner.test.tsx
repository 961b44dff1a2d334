// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useSessionStore } from '../session/session.store.js';
import { useTradingStore } from '../trading/trading.store.js';
import { EnvironmentBanner } from './EnvironmentBanner.js';

afterEach(cleanup);

describe('EnvironmentBanner', () => {
  it('shows the environment, a halt with its reason at once, and a lost agent', () => {
    useSessionStore.setState({
      environment: 'live',
      connection: { state: 'open', detail: 'connected (live)', environment: 'live', retryInMs: null },
    });
    useTradingStore.setState({
      tradingState: { mode: 'active', reason: 'ok', changedBy: 'user', sinceMs: 1 },
    });
    render(<EnvironmentBanner />);
    expect(screen.getByTestId('environment').textContent).toBe('LIVE');
    expect(screen.getByTestId('trading-mode').textContent).toBe('Trading ACTIVE');
    expect(screen.queryByRole('alert')).toBeNull();

    act(() =>
      useTradingStore
        .getState()
        .apply({ mode: 'halted', reason: 'Daily loss limit reached', changedBy: 'system', sinceMs: 2 }),
    );
    expect(screen.getByTestId('trading-mode').textContent).toBe('Trading HALTED — Daily loss limit reached');

    act(() =>
      useSessionStore.setState({
        connection: {
          state: 'disconnected',
          detail: 'agent disconnected: closed (1006)',
          environment: 'live',
          retryInMs: 500,
        },
      }),
    );
    expect(screen.getByTestId('connection').textContent).toBe('agent disconnected: closed (1006)');
    expect(screen.getByRole('alert').textContent).toContain('not live');
  });
});
