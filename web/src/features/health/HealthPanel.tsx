/** Health: agent status and each component's light with its one-line detail, and each model's state. */
import type { ComponentHealth, ModelHealth } from '@pt/protocol';
import { formatTime } from '../../lib/format.js';
import { useHealthStore } from './health.store.js';
import { formatModelAge } from './model-age.js';
import { PopOutButton } from '../popout/PopOutButton.js';

const LABELS = {
  venue: 'Venue',
  apiContract: 'API contract',
  dataLiveness: 'Market data',
  store: 'Ledger',
  sentiment: 'Sentiment',
  models: 'Models',
} as const;

const GATE_TEXT = { open: 'gate open', closed: 'gate closed' } as const;

function ModelLine({ model }: { model: ModelHealth }) {
  const version = model.version === null ? '' : ` v${model.version}`;
  return (
    <li
      className={
        model.gate === 'open' ? 'light-green' : model.state === 'refused' ? 'light-red' : 'light-amber'
      }
    >
      <span className="dot" aria-hidden="true" />
      <span className="name">
        {model.name}
        {version}
      </span>
      : {model.isStale ? 'STALE' : model.state},{' '}
      {model.ageMs === null ? 'age unknown' : `${formatModelAge(model.ageMs)} old`}, {GATE_TEXT[model.gate]}
      {model.reason !== null && ` — ${model.reason}`}
    </li>
  );
}

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
  const components = Object.entries(health.components).filter(
    (entry): entry is [keyof typeof LABELS, ComponentHealth] => entry[1] !== undefined,
  );
  const models = health.components.models?.models ?? [];
  return (
    <section aria-labelledby="health-h" className="area-health">
      <PopOutButton panel="health" label="Health" />
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
      {models.length > 0 && (
        <ul className="health" aria-label="Models">
          {models.map((model) => (
            <ModelLine key={model.name} model={model} />
          ))}
        </ul>
      )}
      {health.components.dataLiveness.staleTickers.length > 0 && (
        <p role="status">Stale markets: {health.components.dataLiveness.staleTickers.join(', ')}</p>
      )}
    </section>
  );
}
