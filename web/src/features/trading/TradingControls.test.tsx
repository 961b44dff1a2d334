// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAgentRest } from '../../app/services.js';
import { fakeAgent } from '../../test/fake-agent.js';
import type { FakeAgent } from '../../test/fake-agent.js';
import { TradingControls } from './TradingControls.js';
import { useTradingStore } from './trading.store.js';

let agent: FakeAgent;
beforeEach(() => {
  agent = fakeAgent();
  setAgentRest(agent.rest);
  useTradingStore.setState({
    tradingState: { mode: 'halted', reason: 'Flatten All', changedBy: 'system', sinceMs: 1 },
  });
});
afterEach(cleanup);

describe('TradingControls (fake agent client)', () => {
  it('needs a reason and a confirmation, then shows the agent’s new state', async () => {
    render(<TradingControls />);
    expect(screen.getByText('HALTED')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Switch to'), { target: { value: 'active' } });
    fireEvent.click(screen.getByRole('button', { name: 'Switch trading' }));
    expect(screen.getByRole('alert').textContent).toContain('Reason');
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'flat, resuming' } });
    fireEvent.click(screen.getByRole('button', { name: 'Switch trading' }));
    expect(agent.modeRequests).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm switch' }));
    await waitFor(() => expect(screen.getByText('ACTIVE')).toBeTruthy());
    expect(agent.modeRequests).toEqual([{ mode: 'active', reason: 'flat, resuming' }]);
  });
});
