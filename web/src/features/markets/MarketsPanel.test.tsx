// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarketListEntry } from '@pt/protocol';
import { setAgentRest } from '../../app/services.js';
import { fakeAgent } from '../../test/fake-agent.js';
import { MarketsPanel } from './MarketsPanel.js';
import { useMarketsStore } from './markets.store.js';

function market(ticker: string, subtitle: string, liveness: MarketListEntry['liveness']): MarketListEntry {
  return MarketListEntry.parse({
    ticker,
    eventTicker: ticker.split('-').slice(0, 2).join('-'),
    seriesTicker: ticker.split('-')[0],
    title: 'What will Powell say at his Mar 2026 press conference?',
    yesSubtitle: subtitle,
    status: 'active',
    yesBidPriceE4: 200,
    yesBidCountE2: 695_000,
    yesAskPriceE4: 300,
    yesAskCountE2: 41_300,
    lastPriceE4: 300,
    volumeCountE2: 739_800,
    volume24hCountE2: 31_200,
    openInterestCountE2: 201_500,
    openTimeMs: 1_771_948_800_000,
    closeTimeMs: 1_773_928_800_000,
    updatedAtMs: 1_772_578_800_376,
    liveness,
  });
}

beforeEach(() => {
  const agent = fakeAgent();
  agent.markets = [
    market('KXFEDMENTION-26MAR-CITR', 'Citrini', 'live'),
    market('KXFEDMENTION-26MAR-JUDY', 'Judy Shelton', 'stale'),
  ];
  setAgentRest(agent.rest);
  useMarketsStore.setState({ markets: [], selection: null });
});
afterEach(cleanup);

describe('MarketsPanel (fake agent client)', () => {
  it('lists the markets with last price, volume and liveness, searches, and opens one', async () => {
    render(<MarketsPanel />);
    const table = await screen.findByTestId('markets-table');
    await within(table).findByText('KXFEDMENTION-26MAR-CITR', { exact: false });
    const judy = table.querySelector('tr[data-ticker="KXFEDMENTION-26MAR-JUDY"]');
    expect(judy?.textContent).toContain('STALE');
    expect(judy?.textContent).toContain('$0.0300');
    expect(judy?.textContent).toContain('312.00');
    fireEvent.change(screen.getByLabelText('Search markets'), { target: { value: 'judy' } });
    expect(screen.getByTestId('markets-count').textContent).toContain('1 of 2');
    fireEvent.click(screen.getByRole('button', { name: 'Open KXFEDMENTION-26MAR-JUDY' }));
    expect(useMarketsStore.getState().selection?.ticker).toBe('KXFEDMENTION-26MAR-JUDY');
  });
});
