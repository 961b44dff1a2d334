// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Fill, ServerEvent } from '@pt/protocol';
import fillEvent from '../../../../protocol/src/fixtures/event-fill-created.json';
import { setAgentRest } from '../../app/services.js';
import { createStreamDispatch } from '../../app/stream-dispatch.js';
import { fakeAgent } from '../../test/fake-agent.js';
import type { FakeAgent } from '../../test/fake-agent.js';
import { FillsPanel } from './FillsPanel.js';
import { useFillsStore } from './fills.store.js';

const base = Fill.parse((fillEvent.message as { fill: unknown }).fill);

/** `n` fills, newest first, one second apart, distinct ids. */
function fills(n: number): Fill[] {
  return Array.from({ length: n }, (_, i) =>
    Fill.parse({
      ...base,
      fillId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      priceE4: 1_000 + i,
      executedAtMs: base.executedAtMs - i * 1_000,
    }),
  );
}

let agent: FakeAgent;
beforeEach(() => {
  agent = fakeAgent();
  setAgentRest(agent.rest);
  useFillsStore.setState({ items: [], nextCursor: null, isLoaded: false, isLoading: false, error: null });
});
afterEach(cleanup);

const rows = (): string[] =>
  Array.from(screen.getByTestId('fills-table').querySelectorAll('tbody tr'), (tr) => tr.textContent ?? '');

describe('FillsPanel (fake agent client)', () => {
  it('says so when there are no fills', async () => {
    render(<FillsPanel />);
    expect(await screen.findByText('No fills yet.')).toBeTruthy();
    expect(agent.pageRequests).toEqual(['fills:first']);
  });

  it('lists the newest 50 first and pages back with "Load older" until the last page', async () => {
    agent.fills = fills(120);
    render(<FillsPanel />);
    await waitFor(() => expect(rows()).toHaveLength(50));
    expect(rows()[0]).toContain('KXHIGHNY-25NOV25-B58.5');
    expect(rows()[0]).toContain('Buy YES$0.10002.50$0.01maker');
    fireEvent.click(screen.getByRole('button', { name: 'Load older' }));
    await waitFor(() => expect(rows()).toHaveLength(100));
    fireEvent.click(screen.getByRole('button', { name: 'Load older' }));
    await waitFor(() => expect(rows()).toHaveLength(120));
    expect(screen.queryByRole('button', { name: 'Load older' })).toBeNull();
    expect(agent.pageRequests).toEqual(['fills:first', 'fills:50', 'fills:100']);
    expect(rows()[119]).toContain('$0.1119');
  });

  it('puts a fill from the stream on top at once, once, and keeps it after a re-read', async () => {
    agent.fills = fills(3);
    render(<FillsPanel />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    const event = ServerEvent.parse({
      ...fillEvent.message,
      fill: { ...fillEvent.message.fill, fillId: 'aaaaaaaa-0000-4000-8000-000000000001', priceE4: 4_200 },
    });
    const dispatch = createStreamDispatch(() => undefined);
    dispatch.onEvent(event);
    dispatch.onEvent(event);
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(rows()[0]).toContain('$0.4200');
    // The agent's ledger now lists it too: a resync re-reads the first page, still one row.
    if (event.type !== 'fill.created') throw new Error('fixture is a fill');
    agent.fills = [event.fill, ...fills(3)];
    dispatch.onReload('fills');
    await waitFor(() => expect(agent.pageRequests).toEqual(['fills:first', 'fills:first']));
    await waitFor(() => expect(rows()).toHaveLength(4));
  });

  it('shows the agent’s refusal', async () => {
    setAgentRest({
      ...agent.rest,
      fillsPage: () => Promise.reject(new Error('VENUE_UNAVAILABLE: no venue')),
    });
    render(<FillsPanel />);
    expect((await screen.findByRole('alert')).textContent).toBe('VENUE_UNAVAILABLE: no venue');
  });
});
