// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAgentRest } from '../../app/services.js';
import { fakeAgent, type FakeAgent } from '../../test/fake-agent.js';
import { BacktestsPanel } from './BacktestsPanel.js';
import { useBacktestsStore } from './backtests.store.js';
import { installJsdomCanvas } from './jsdom-canvas.js';
import { NEWER, OLDER } from './test-reports.js';

installJsdomCanvas();

let agent: FakeAgent;

beforeEach(() => {
  agent = fakeAgent();
  setAgentRest(agent.rest);
  useBacktestsStore.setState({ summaries: null, listError: null, selectedId: null, view: { kind: 'none' } });
});
afterEach(cleanup);

describe('BacktestsPanel (fake agent client)', () => {
  it('lists the runs, shows the newest with its summary and equity chart, and switches by keyboard-reachable buttons', async () => {
    agent.backtests = [NEWER, OLDER];
    render(<BacktestsPanel />);
    const table = await screen.findByTestId('backtests-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-id'))).toEqual([NEWER.summary.id, OLDER.summary.id]);
    expect(rows[0]?.textContent).toContain('hype-fade');
    expect(rows[0]?.textContent).toContain('-$1.25');
    expect(rows[0]?.textContent).toContain('0.00%');
    expect(rows[1]?.textContent).toContain('+$0.03');
    expect(rows[1]?.textContent).toContain('100.00%');
    expect(rows[1]?.textContent).toContain('$0.02'); // max drawdown $0.015 rounds half up
    expect(rows[1]?.textContent).toContain('weather-tob');

    const region = await screen.findByRole('region', { name: NEWER.summary.id });
    expect(within(region).getByTestId('backtest-summary').textContent).toContain('0 of 1 (0.00%)');
    expect(region.textContent).toContain('band not broken (40), book not quotable (3)');
    const chart = await within(region).findByTestId('equity-chart');
    expect(chart.getAttribute('aria-label')).toBe(
      `Equity curve of ${NEWER.summary.id}: $1000.00 to $998.75 over 3 points, exposure up to $0.40`,
    );
    await waitFor(() => expect(chart.dataset['points']).toBe('3'));
    expect(chart.dataset['lastEquity']).toBe('998.75');

    const older = screen.getByRole('button', { name: `Show backtest ${OLDER.summary.id}` });
    expect(older.getAttribute('aria-pressed')).toBe('false');
    older.focus();
    expect(document.activeElement).toBe(older);
    fireEvent.click(older);
    const olderRegion = await screen.findByRole('region', { name: OLDER.summary.id });
    expect(within(olderRegion).getByTestId('backtest-summary').textContent).toContain('+$0.03');
    expect(older.getAttribute('aria-pressed')).toBe('true');
    expect(agent.backtestRequests).toEqual([NEWER.summary.id, OLDER.summary.id]);
  });

  it('says why a listed report could not be loaded', async () => {
    agent.backtests = [OLDER];
    render(<BacktestsPanel />);
    await screen.findByRole('region', { name: OLDER.summary.id });
    agent.backtests = [];
    fireEvent.click(screen.getByRole('button', { name: `Show backtest ${OLDER.summary.id}` }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      `Backtest ${OLDER.summary.id} could not be loaded: id: no backtest report ${OLDER.summary.id}`,
    );
  });

  it('tells how to make a report when there is none', async () => {
    render(<BacktestsPanel />);
    expect(await screen.findByText(/No backtest reports yet/)).toBeTruthy();
    expect(screen.queryByTestId('backtests-table')).toBeNull();
  });
});
