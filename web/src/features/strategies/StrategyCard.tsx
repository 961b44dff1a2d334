/**
 * One strategy: what it trades on, whether it is on, its markets, when it last decided and when it
 * was changed; the Enable/Disable toggle (a confirmation step naming the environment the orders
 * go to), its parameters form and its latest decisions from the activity feed.
 */
import { useEffect, useRef, useState } from 'react';
import type { ActivityEvent, StrategyStatus, TradingEnvironment } from '@pt/protocol';
import { useStrategiesStore } from './strategies.store.js';
import type { StrategyError } from './strategies.store.js';
import { StrategyConfigForm } from './StrategyConfigForm.js';
import { configFields, fieldOfError } from './strategy-form.js';

/** `volatility-rider` → "Volatility Rider". */
export function strategyName(id: string): string {
  return id
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

function formatWhen(ms: number | null, never: string): string {
  return ms === null ? never : new Date(ms).toLocaleString(undefined, { hour12: false });
}

export interface StrategyCardProps {
  readonly strategy: StrategyStatus;
  readonly decisions: readonly ActivityEvent[];
  readonly environment: TradingEnvironment | null;
  readonly isBusy: boolean;
  readonly error: StrategyError | null;
}

export function StrategyCard({ strategy, decisions, environment, isBusy, error }: StrategyCardProps) {
  const { setEnabled, saveConfig } = useStrategiesStore.getState();
  const [isConfirming, setConfirming] = useState(false);
  const isFocusOwed = useRef(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  // Focus follows the step: onto the confirmation, then back onto the toggle once it is usable
  // again (disabled while the change is in flight).
  useEffect(() => {
    if (isConfirming) {
      confirmRef.current?.focus();
      isFocusOwed.current = true;
    } else if (isFocusOwed.current && !isBusy) {
      toggleRef.current?.focus();
      isFocusOwed.current = false;
    }
  }, [isConfirming, isBusy]);

  const name = strategyName(strategy.id);
  const env = environment === null ? 'the current' : environment.toUpperCase();
  const action = strategy.isEnabled ? 'Disable' : 'Enable';
  const titleId = `strategy-${strategy.id}-title`;

  const confirm = async (): Promise<void> => {
    setConfirming(false);
    await setEnabled(strategy.id, !strategy.isEnabled);
  };

  return (
    <article className="strategy" aria-labelledby={titleId} data-testid={`strategy-${strategy.id}`}>
      <h3 id={titleId}>
        {name}{' '}
        <span className={strategy.isEnabled ? 'strategy-on' : 'muted'} data-testid="strategy-state">
          {strategy.isEnabled ? 'ENABLED' : 'disabled'}
        </span>
      </h3>
      <p>{strategy.description}</p>
      <dl className="strategy-facts">
        <dt>Markets</dt>
        <dd>
          {strategy.tickers.length === 0 ? 'none chosen (set tickers below)' : strategy.tickers.join(', ')}
        </dd>
        <dt>Last decision</dt>
        <dd>{formatWhen(strategy.lastDecisionAtMs, 'none yet in this run')}</dd>
        <dt>Changed</dt>
        <dd>{formatWhen(strategy.changedAtMs, 'never (defaults)')}</dd>
      </dl>
      {isConfirming ? (
        <div
          role="group"
          aria-label={`Confirm: ${action.toLowerCase()} ${name}`}
          className="strategy-confirm"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setConfirming(false);
          }}
        >
          <p>
            {strategy.isEnabled
              ? `${name} stops making new entries in ${env}.`
              : `Enabling ${name} lets it send real orders on its own in the ${env} environment.`}
          </p>
          <button ref={confirmRef} type="button" onClick={() => void confirm()}>
            Confirm {action.toLowerCase()} in {env}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button ref={toggleRef} type="button" disabled={isBusy} onClick={() => setConfirming(true)}>
          {action} {name}
        </button>
      )}
      {error !== null && fieldOfError(error.field, configFields(strategy.config)) === null && (
        <p className="error" role="alert">
          The agent refused: {error.message}
        </p>
      )}
      <details>
        <summary>Parameters</summary>
        <StrategyConfigForm
          strategyId={strategy.id}
          config={strategy.config}
          isBusy={isBusy}
          error={error}
          onSave={(config) => saveConfig(strategy.id, config)}
        />
      </details>
      <h4>Latest decisions</h4>
      {decisions.length === 0 ? (
        <p className="muted">None in the activity feed (filter it by kind “strategy” or “not traded”).</p>
      ) : (
        <ol className="strategy-decisions">
          {decisions.map((d) => (
            <li key={d.id}>
              <time dateTime={new Date(d.atMs).toISOString()}>{formatWhen(d.atMs, '')}</time> {d.message}
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
