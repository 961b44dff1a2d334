// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RISK_SETTINGS } from '@pt/protocol';
import { setAgentRest } from '../../app/services.js';
import { fakeAgent, refusal } from '../../test/fake-agent.js';
import type { FakeAgent } from '../../test/fake-agent.js';
import { RiskLimitsPanel } from './RiskLimitsPanel.js';
import { useRiskStore } from './risk.store.js';

let agent: FakeAgent;
beforeEach(() => {
  agent = fakeAgent();
  setAgentRest(agent.rest);
  useRiskStore.setState({ settings: null, saveError: null, savedAtMs: null });
});
afterEach(cleanup);

describe('RiskLimitsPanel (fake agent client)', () => {
  it('shows the agent’s limits in dollars, contracts and seconds and saves a change in fixed point', async () => {
    render(<RiskLimitsPanel />);
    const notional = await screen.findByLabelText<HTMLInputElement>('Largest order value ($)');
    expect(notional.value).toBe('50');
    expect(screen.getByLabelText<HTMLInputElement>('Largest order (contracts)').value).toBe('100.00');
    expect(screen.getByLabelText<HTMLInputElement>('Order rate window (s)').value).toBe('60');
    fireEvent.change(notional, { target: { value: '75.25' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save limits' }));
    await screen.findByTestId('risk-saved');
    expect(agent.riskPuts).toEqual([{ ...DEFAULT_RISK_SETTINGS, maxOrderNotionalE6: 75_250_000 }]);
  });

  it('shows a bad value on its field and sends nothing', async () => {
    render(<RiskLimitsPanel />);
    fireEvent.change(await screen.findByLabelText('Most resting orders'), { target: { value: '2.5' } });
    fireEvent.change(screen.getByLabelText('Daily loss limit ($)'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save limits' }));
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((a) => a.id).sort()).toEqual([
      'risk-dailyLossLimitE6-error',
      'risk-maxOpenOrders-error',
    ]);
    expect(screen.getByLabelText('Most resting orders').getAttribute('aria-invalid')).toBe('true');
    expect(agent.riskPuts).toEqual([]);
  });

  it('puts the agent’s refusal on the field it names', async () => {
    agent.riskAnswer = refusal({
      code: 'VALIDATION_FAILED',
      message: 'maxOpenOrders: Too big: expected number to be <=1000',
      details: { field: 'maxOpenOrders' },
    });
    render(<RiskLimitsPanel />);
    await screen.findByLabelText('Most resting orders');
    fireEvent.click(screen.getByRole('button', { name: 'Save limits' }));
    await waitFor(() =>
      expect(document.getElementById('risk-maxOpenOrders-error')?.textContent).toContain('Too big'),
    );
    expect(screen.queryByTestId('risk-saved')).toBeNull();
  });
});
