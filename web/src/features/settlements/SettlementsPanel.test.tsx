// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PortfolioResponse, PortfolioSettlementsPage, SettlementRecord } from '@pt/protocol';
import portfolioFixture from '../../../../protocol/src/fixtures/rest-portfolio.json';
import settlementsFixture from '../../../../protocol/src/fixtures/rest-portfolio-settlements.json';
import { setAgentRest } from '../../app/services.js';
import { fakeAgent } from '../../test/fake-agent.js';
import type { FakeAgent } from '../../test/fake-agent.js';
import { usePortfolioStore } from '../portfolio/portfolio.store.js';
import { SettlementsPanel } from './SettlementsPanel.js';
import { useSettlementsStore } from './settlements.store.js';

const won = PortfolioSettlementsPage.parse(settlementsFixture.message).settlements[0] as SettlementRecord;

function lost(i: number): SettlementRecord {
  return SettlementRecord.parse({
    ...won,
    ticker: `KXTEST-${i}`,
    marketResult: 'no',
    revenueMoneyE6: 0,
    realizedPnlMoneyE6: -4_500_000,
    settledAtMs: won.settledAtMs - (i + 1) * 60_000,
  });
}

let agent: FakeAgent;
beforeEach(() => {
  agent = fakeAgent();
  setAgentRest(agent.rest);
  useSettlementsStore.setState({
    items: [],
    nextCursor: null,
    isLoaded: false,
    isLoading: false,
    error: null,
  });
  usePortfolioStore.setState({ portfolio: null, error: null });
});
afterEach(cleanup);

const rows = (): string[] =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.textContent ?? '');

describe('SettlementsPanel (fake agent client)', () => {
  it('shows each settlement’s result, position, payout, cost and P&L, newest first, paging back', async () => {
    agent.settlementRecords = [won, ...Array.from({ length: 50 }, (_, i) => lost(i))];
    render(<SettlementsPanel />);
    await waitFor(() => expect(rows()).toHaveLength(50));
    expect(rows()[0]).toContain('KXHIGHNY-25NOV25-B58.5YES10.00 YES$10.00$4.50$5.50');
    expect(rows()[1]).toContain('KXTEST-0NO10.00 YES$0.00$4.50-$4.50');
    fireEvent.click(screen.getByRole('button', { name: 'Load older' }));
    await waitFor(() => expect(rows()).toHaveLength(51));
    expect(rows()[50]).toContain('KXTEST-49');
    expect(screen.queryByRole('button', { name: 'Load older' })).toBeNull();
  });

  it('calls out disputed markets the agent holds back from settlement', async () => {
    usePortfolioStore.setState({ portfolio: PortfolioResponse.parse(portfolioFixture.message) });
    render(<SettlementsPanel />);
    expect(await screen.findByText('No settled markets yet.')).toBeTruthy();
    expect(screen.getByTestId('settlements-held').textContent).toBe(
      'Held back (disputed, not settled automatically): KXCPI-25DEC-T0.3',
    );
  });
});
