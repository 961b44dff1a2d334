// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StrategyId } from '@pt/protocol';
import { setAgentRest } from '../../app/services.js';
import { fakeAgent, refusal } from '../../test/fake-agent.js';
import type { FakeAgent } from '../../test/fake-agent.js';
import { useSessionStore } from '../session/session.store.js';
import { StrategiesPanel } from './StrategiesPanel.js';
import { useStrategiesStore } from './strategies.store.js';
import { volatilityRider } from './test-strategies.js';

let agent: FakeAgent;
beforeEach(() => {
  agent = fakeAgent();
  agent.strategies = [volatilityRider()];
  setAgentRest(agent.rest);
  useSessionStore.setState({ environment: 'demo' });
  useStrategiesStore.setState({ strategies: null, decisions: {}, errors: {}, busyId: null, loadError: null });
});
afterEach(cleanup);

async function card(): Promise<HTMLElement> {
  return screen.findByTestId('strategy-volatility-rider');
}

describe('StrategiesPanel (fake agent client)', () => {
  it('lists each strategy with its state, markets and decisions from the activity feed', async () => {
    agent.activityEvents = [
      {
        id: 'a2',
        kind: 'not_traded',
        severity: 'info',
        message: 'volatility-rider: spread too wide on KXBTC-25NOV25-B1',
        atMs: 1_764_000_000_000,
        ticker: null,
        orderId: null,
        clientOrderId: null,
        strategyId: StrategyId.parse('volatility-rider'),
        notTradedReason: 'spread_too_wide',
      },
      {
        id: 'a1',
        kind: 'strategy',
        severity: 'info',
        message: 'hype-fade: intent to sell',
        atMs: 1_763_999_000_000,
        ticker: null,
        orderId: null,
        clientOrderId: null,
        strategyId: StrategyId.parse('hype-fade'),
        notTradedReason: null,
      },
    ];
    render(<StrategiesPanel />);
    const item = within(await card());
    expect(item.getByRole('heading', { name: /Volatility Rider/ }).textContent).toContain('disabled');
    expect(item.getByText('Rides a volatility breakout of the mid.')).toBeTruthy();
    expect(item.getByText('KXBTC-25NOV25-B1, KXETH-25NOV25-B2')).toBeTruthy();
    expect(item.getByText('never (defaults)')).toBeTruthy();
    const decisions = item.getAllByRole('listitem').map((li) => li.textContent);
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toContain('spread too wide');
  });

  it('enables only after a confirmation naming the environment, and sends isEnabled alone', async () => {
    render(<StrategiesPanel />);
    const item = within(await card());
    fireEvent.click(item.getByRole('button', { name: 'Enable Volatility Rider' }));
    expect(agent.strategyPuts).toEqual([]);
    const dialog = item.getByRole('group', { name: 'Confirm: enable Volatility Rider' });
    expect(dialog.textContent).toContain('real orders on its own in the DEMO environment');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(agent.strategyPuts).toEqual([]);
    fireEvent.click(item.getByRole('button', { name: 'Enable Volatility Rider' }));
    const confirm = item.getByRole('button', { name: 'Confirm enable in DEMO' });
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    fireEvent.click(confirm);
    await item.findByRole('button', { name: 'Disable Volatility Rider' });
    expect(agent.strategyPuts).toEqual([{ id: 'volatility-rider', body: { isEnabled: true } }]);
    expect(item.getByTestId('strategy-state').textContent).toBe('ENABLED');
    expect(document.activeElement).toBe(item.getByRole('button', { name: 'Disable Volatility Rider' }));
  });

  it('Escape cancels the confirmation and gives the focus back to the toggle', async () => {
    render(<StrategiesPanel />);
    const item = within(await card());
    fireEvent.click(item.getByRole('button', { name: 'Enable Volatility Rider' }));
    fireEvent.keyDown(item.getByRole('button', { name: 'Confirm enable in DEMO' }), { key: 'Escape' });
    const toggle = item.getByRole('button', { name: 'Enable Volatility Rider' });
    await waitFor(() => expect(document.activeElement).toBe(toggle));
    expect(item.queryByRole('group', { name: /Confirm/ })).toBeNull();
    expect(agent.strategyPuts).toEqual([]);
  });

  it('keeps an edit in progress across a refresh, and takes a config changed on the agent', async () => {
    render(<StrategiesPanel />);
    const item = within(await card());
    const windowSize = item.getByLabelText<HTMLInputElement>('windowSize');
    fireEvent.change(windowSize, { target: { value: '42' } });
    agent.strategies = [volatilityRider()];
    fireEvent.click(screen.getByRole('button', { name: 'Refresh strategies' }));
    await waitFor(() => expect(useStrategiesStore.getState().strategies?.[0]).toBe(agent.strategies[0]));
    expect(windowSize.value).toBe('42');
    agent.strategies = [volatilityRider({ config: { ...volatilityRider().config, windowSize: 30 } })];
    fireEvent.click(screen.getByRole('button', { name: 'Refresh strategies' }));
    await waitFor(() => expect(windowSize.value).toBe('30'));
  });

  it('saves a parameter edit as the full config with each value in its JSON type', async () => {
    render(<StrategiesPanel />);
    const item = within(await card());
    const z = item.getByLabelText<HTMLInputElement>('zThreshold');
    expect(z.value).toBe('2.5');
    expect(item.getByLabelText('riskBudgetE6').getAttribute('aria-describedby')).toBe(
      'strategy-volatility-rider-riskBudgetE6-hint',
    );
    expect(item.getByText('money in 1/1,000,000 $')).toBeTruthy();
    fireEvent.change(z, { target: { value: '3' } });
    fireEvent.change(item.getByLabelText('tickers'), { target: { value: 'KXBTC-25NOV25-B1' } });
    fireEvent.click(item.getByLabelText('modelGate.isEnabled'));
    fireEvent.click(item.getByRole('button', { name: 'Save parameters' }));
    await waitFor(() => expect(agent.strategyPuts).toHaveLength(1));
    expect(agent.strategyPuts[0]).toEqual({
      id: 'volatility-rider',
      body: {
        config: {
          ...volatilityRider().config,
          tickers: ['KXBTC-25NOV25-B1'],
          zThreshold: 3,
          modelGate: { isEnabled: true, minProbability: 0.55 },
        },
      },
    });
  });

  it('shows text that is not a number on its field and sends nothing', async () => {
    render(<StrategiesPanel />);
    const item = within(await card());
    fireEvent.change(item.getByLabelText('windowSize'), { target: { value: 'twenty' } });
    fireEvent.click(item.getByRole('button', { name: 'Save parameters' }));
    const alert = await item.findByRole('alert');
    expect(alert.id).toBe('strategy-volatility-rider-windowSize-error');
    expect(item.getByLabelText('windowSize').getAttribute('aria-invalid')).toBe('true');
    expect(agent.strategyPuts).toEqual([]);
  });

  it('puts the agent’s 422 on the field it names (config.<name>)', async () => {
    agent.strategyAnswer = refusal({
      code: 'VALIDATION_FAILED',
      message: 'config.zThreshold: Too small: expected number to be >=0.5',
      details: { field: 'config.zThreshold' },
    });
    render(<StrategiesPanel />);
    const item = within(await card());
    fireEvent.change(item.getByLabelText('zThreshold'), { target: { value: '-1' } });
    fireEvent.click(item.getByRole('button', { name: 'Save parameters' }));
    await waitFor(() =>
      expect(document.getElementById('strategy-volatility-rider-zThreshold-error')?.textContent).toContain(
        'Too small',
      ),
    );
    expect(agent.strategyPuts[0]?.body.config?.['zThreshold']).toBe(-1);
    expect(item.getAllByRole('alert')).toHaveLength(1);
  });

  it('shows a refusal naming no field on the card', async () => {
    agent.strategyAnswer = refusal({ code: 'CONFLICT', message: 'trading is halted' });
    render(<StrategiesPanel />);
    const item = within(await card());
    fireEvent.click(item.getByRole('button', { name: 'Enable Volatility Rider' }));
    fireEvent.click(item.getByRole('button', { name: 'Confirm enable in DEMO' }));
    expect((await item.findByRole('alert')).textContent).toBe('The agent refused: trading is halted');
    expect(item.getByTestId('strategy-state').textContent).toBe('disabled');
  });
});
