/**
 * Onboarding step 3: the venue the agent trades on. Sim and demo switch with one click (what blocks
 * a switch is listed); live needs the liability text accepted and the exact phrase typed, and the
 * agent checks both again. Risk limits start at the agent's defaults (the Risk limits panel).
 */
import { useState } from 'react';
import type { TradingEnvironment } from '@pt/protocol';
import { useOnboardingStore } from './onboarding.store.js';

const TARGETS: readonly TradingEnvironment[] = ['sim', 'demo'];

export function ModeStep() {
  const { environment, switchOutcome, switchTo } = useOnboardingStore();
  const [phrase, setPhrase] = useState('');
  const [isAccepted, setIsAccepted] = useState(false);
  if (environment === null) return null;
  const { liveAck, blockers } = environment;
  const isLiveReady = isAccepted && phrase.trim() === liveAck.phrase;
  return (
    <div aria-labelledby="mode-step-title">
      <h3 id="mode-step-title">3 · Mode and limits</h3>
      <p>
        Now trading on{' '}
        <strong data-testid="current-environment">{environment.environment.toUpperCase()}</strong>. Risk
        limits start at safe defaults: review them in <a href="#risk-title">Risk limits</a>.
      </p>
      <div className="toolbar">
        {TARGETS.filter((t) => t !== environment.environment).map((target) => (
          <button key={target} type="button" onClick={() => void switchTo({ environment: target })}>
            Switch to {target.toUpperCase()}
            {blockers[target].length > 0 ? ` (blocked: ${blockers[target].join(', ')})` : ''}
          </button>
        ))}
      </div>
      {environment.environment !== 'live' && (
        <fieldset className="live-ack">
          <legend>Go live (real money)</legend>
          <p>{liveAck.liabilityText}</p>
          <label>
            <input type="checkbox" checked={isAccepted} onChange={(e) => setIsAccepted(e.target.checked)} /> I
            accept this liability
          </label>
          <label>
            Type “{liveAck.phrase}”
            <input value={phrase} onChange={(e) => setPhrase(e.target.value)} autoComplete="off" />
          </label>
          <button
            type="button"
            className="danger"
            disabled={!isLiveReady}
            onClick={() =>
              void switchTo({
                environment: 'live',
                acknowledgement: {
                  phrase: phrase.trim(),
                  liabilityTextVersion: liveAck.liabilityTextVersion,
                  acceptedLiability: true,
                },
              })
            }
          >
            Switch to LIVE
          </button>
          {blockers.live.length > 0 && <p className="muted small">Blocked now: {blockers.live.join(', ')}</p>}
        </fieldset>
      )}
      {switchOutcome !== null && (
        <p className={switchOutcome.ok ? '' : 'error'} role="status" data-testid="switch-outcome">
          {switchOutcome.text}
        </p>
      )}
    </div>
  );
}
