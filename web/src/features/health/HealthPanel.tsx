/** Health: agent status and each component's light with its one-line detail. */
import type { ComponentHealth } from '@pt/protocol';
import { formatTime } from '../../lib/format.js';
import { useHealthStore } from './health.store.js';

const LABELS = {
  venue: 'Venue',
  apiContract: 'API contract',
  dataLiveness: 'Market data',
  store: 'Ledger',
  sentiment: 'Sentiment',
} as const;

export function HealthPanel() {
  const health = useHealthStore((s) => s.health);
  const agentVersion = useHealthStore((s) => s.agentVersion);
  if (health === null)
    return (
      <section aria-labelledby="health-h" className="area-health">
        <h2 id="health-h">Health</h2>
        <p>Loading…</p>
      </section>
    );
  const components = Object.entries(health.components) as [keyof typeof LABELS, ComponentHealth][];
  return (
    <section aria-labelledby="health-h" className="area-health">
      <h2 id="health-h">Health</h2>
      <p>
        Agent <strong>{health.status}</strong>
        {agentVersion !== null && ` (v${agentVersion})`}, checked {formatTime(health.checkedAtMs)}
      </p>
      <ul className="health">
        {components.map(([name, component]) => (
          <li key={name} className={`light-${component.light}`}>
            <span className="dot" aria-hidden="true" />
            <span className="name">{LABELS[name]}</span> <span className="light">{component.light}</span>:{' '}
            {component.detail}
          </li>
        ))}
      </ul>
      {health.components.dataLiveness.staleTickers.length > 0 && (
        <p role="status">Stale markets: {health.components.dataLiveness.staleTickers.join(', ')}</p>
      )}
    </section>
  );
}
