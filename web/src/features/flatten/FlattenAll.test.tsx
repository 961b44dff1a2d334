// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FlattenReport } from '@pt/protocol';
import reportFixture from '../../../../protocol/src/fixtures/rest-flatten-report.json';
import { setAgentRest } from '../../app/services.js';
import { fakeAgent } from '../../test/fake-agent.js';
import type { FakeAgent } from '../../test/fake-agent.js';
import { FlattenAllButton, FlattenReportPanel } from './FlattenAll.js';
import { useFlattenStore } from './flatten.store.js';

const finished = FlattenReport.parse(reportFixture.message);
let agent: FakeAgent;
beforeEach(() => {
  agent = fakeAgent();
  setAgentRest(agent.rest);
  useFlattenStore.setState({ report: null, isPressing: false, error: null });
});
afterEach(cleanup);

describe('Flatten All (fake agent client)', () => {
  it('asks for confirmation, presses once, and shows the report per market', async () => {
    agent.flattenAnswer = { ok: true, data: finished };
    render(
      <>
        <FlattenAllButton />
        <FlattenReportPanel />
      </>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Flatten All' }));
    expect(agent.flattenPresses).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'No' }));
    fireEvent.click(screen.getByRole('button', { name: 'Flatten All' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, flatten all' }));
    const panel = await screen.findByTestId('flatten-report');
    expect(agent.flattenPresses).toBe(1);
    expect(panel.textContent).toContain('Flatten All finished: 1 position(s) left.');
    expect(panel.textContent).toContain('KXHIGHNY-25NOV25-B48.5: flattened (5.00 → 0.00)');
    expect(panel.textContent).toContain(
      'KXHIGHNY-25NOV25-B50.5: residual (-3.00 → -3.00) — no_liquidity: No YES ask within $0.0500 of the best ask',
    );
  });

  it('shows progress from the stream, and a late progress event never undoes the final report', () => {
    render(<FlattenReportPanel />);
    const running = { ...finished, status: 'running' as const, finishedAtMs: null, markets: [] };
    act(() => useFlattenStore.getState().apply(running));
    expect(screen.getByRole('status').textContent).toContain('Flatten All running');
    act(() => useFlattenStore.getState().apply(finished));
    act(() => useFlattenStore.getState().apply(running));
    expect(screen.getByRole('status').textContent).toContain('finished');
  });
});
