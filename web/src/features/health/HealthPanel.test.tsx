// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HealthDetail } from '@pt/protocol';
import { HealthPanel } from './HealthPanel.js';
import { useHealthStore } from './health.store.js';

const DAY_MS = 86_400_000;
const light = (detail: string, l: 'green' | 'amber' | 'red' = 'green') => ({ light: l, detail, sinceMs: 1 });

function detail(models?: unknown): HealthDetail {
  return HealthDetail.parse({
    status: 'ok',
    environment: 'sim',
    components: {
      venue: light('Simulator reachable'),
      apiContract: light('All venue messages match the schemas'),
      dataLiveness: { ...light('All markets live'), staleTickers: [] },
      store: light('ledger-sim.sqlite: 0 rows waiting to be written'),
      sentiment: light('Sentiment not configured', 'amber'),
      ...(models === undefined ? {} : { models }),
    },
    checkedAtMs: 1_764_025_538_527,
  });
}

const STALE_REASON =
  'model signal-move-logreg@1.0.0 is stale: trained 2025-10-01T12:00:00.000Z, 54.5 days ago (max 30.0 days)';

beforeEach(() => useHealthStore.setState({ health: null, agentVersion: null }));
afterEach(cleanup);

describe('HealthPanel', () => {
  it('shows the models light and each model: version, age, stale and gate state', () => {
    useHealthStore.setState({
      agentVersion: '0.1.0',
      health: detail({
        ...light(STALE_REASON, 'amber'),
        models: [
          {
            name: 'sentiment-hash-logreg',
            version: '1.1.0',
            state: 'ready',
            gate: 'open',
            isStale: false,
            trainedAtMs: 1_764_025_000_000,
            ageMs: 3 * 3_600_000,
            reason: null,
          },
          {
            name: 'signal-move-logreg',
            version: '1.0.0',
            state: 'stale',
            gate: 'closed',
            isStale: true,
            trainedAtMs: 1_759_320_000_000,
            ageMs: 54 * DAY_MS + DAY_MS / 2,
            reason: STALE_REASON,
          },
          {
            name: 'no-such-model',
            version: null,
            state: 'refused',
            gate: 'closed',
            isStale: false,
            trainedAtMs: null,
            ageMs: null,
            reason: 'no model named no-such-model in models/manifest.json',
          },
        ],
      }),
    });
    render(<HealthPanel />);
    expect(screen.getByText('Models').closest('li')?.textContent).toBe(`Models amber: ${STALE_REASON}`);
    const lines = within(screen.getByRole('list', { name: 'Models' }))
      .getAllByRole('listitem')
      .map((li) => [li.className, li.textContent]);
    expect(lines).toEqual([
      ['light-green', 'sentiment-hash-logreg v1.1.0: ready, 3 h old, gate open'],
      ['light-amber', `signal-move-logreg v1.0.0: STALE, 54.5 days old, gate closed — ${STALE_REASON}`],
      [
        'light-red',
        'no-such-model: refused, age unknown, gate closed — no model named no-such-model in models/manifest.json',
      ],
    ]);
  });

  it('still shows an older agent’s health without a models component', () => {
    useHealthStore.setState({ health: detail() });
    render(<HealthPanel />);
    expect(screen.getByText('Ledger')).toBeTruthy();
    expect(screen.queryByText('Models')).toBeNull();
    expect(screen.queryByRole('list', { name: 'Models' })).toBeNull();
  });
});
