// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PortfolioResponse } from '@pt/protocol';
import portfolioFixture from '../../../../protocol/src/fixtures/rest-portfolio.json';
import { setAgentRest } from '../../app/services.js';
import { fakeAgent } from '../../test/fake-agent.js';
import { PortfolioPanel } from './PortfolioPanel.js';
import { usePortfolioStore } from './portfolio.store.js';

beforeEach(() => {
  const agent = fakeAgent();
  agent.portfolio = PortfolioResponse.parse(portfolioFixture.message);
  setAgentRest(agent.rest);
  usePortfolioStore.setState({ portfolio: null, error: null });
});
afterEach(cleanup);

describe('PortfolioPanel (fake agent client)', () => {
  it('shows the agent’s figures, each position marked, and the unmarked and disputed markets', async () => {
    render(<PortfolioPanel />);
    await usePortfolioStore.getState().refresh();
    await waitFor(() => expect(screen.getByTestId('portfolio')).toBeTruthy());
    const text = screen.getByTestId('portfolio').textContent ?? '';
    expect(text).toContain('Today (2026-11-24)$0.21');
    expect(text).toContain('Realized-$0.09');
    expect(text).toContain('Cash$993.91');
    expect(text).toContain('Drawdown$0.19');
    const rows = screen
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent);
    expect(rows).toEqual([
      'KXHIGHNY-25NOV25-B58.510.00 YES$0.4500$0.4800$4.80$0.30',
      'KXCPI-25DEC-T0.3 (disputed)5.00 NO$0.3000———',
    ]);
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toEqual([
      'Not marked (book not quotable): KXCPI-25DEC-T0.3',
      'Disputed: KXCPI-25DEC-T0.3',
    ]);
  });
});
