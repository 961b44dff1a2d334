/**
 * Strategies (issues 8 and 10): each strategy the agent runs, on or off in the current environment,
 * with its markets, parameters and latest decisions. Changes go through `PUT /v1/strategies/:id`.
 */
import { useEffect } from 'react';
import { useSessionStore } from '../session/session.store.js';
import { PopOutButton } from '../popout/PopOutButton.js';
import { StrategyCard } from './StrategyCard.js';
import { useStrategiesStore } from './strategies.store.js';
import './strategies.css';

const REFRESH_MS = 15_000;

export function StrategiesPanel() {
  const { strategies, decisions, loadError, busyId, errors, load } = useStrategiesStore();
  const environment = useSessionStore((s) => s.environment);
  useEffect(() => {
    void load();
    // Re-read for the last decision times and changes from other devices (an edit in progress stays).
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  return (
    <section className="area-strategies" aria-labelledby="strategies-title">
      <PopOutButton panel="strategies" label="Strategies" />
      <h2 id="strategies-title">Strategies</h2>
      {loadError !== null && (
        <p className="error" role="status">
          Strategies not loaded: {loadError}
        </p>
      )}
      <button type="button" onClick={() => void load()}>
        Refresh strategies
      </button>
      {strategies?.length === 0 && <p className="muted">The agent runs no strategies.</p>}
      <div className="strategies">
        {strategies?.map((strategy) => (
          <StrategyCard
            key={strategy.id}
            strategy={strategy}
            decisions={decisions[strategy.id] ?? []}
            environment={environment}
            isBusy={busyId === strategy.id}
            error={errors[strategy.id] ?? null}
          />
        ))}
      </div>
    </section>
  );
}
