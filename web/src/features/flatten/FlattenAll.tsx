/**
 * The global Flatten All button (in the banner, always reachable): confirm, then the run's
 * progress per market and the final report — cancels, what was flattened, what is left and why.
 */
import { useState } from 'react';
import type { FlattenReport } from '@pt/protocol';
import { formatCountFp } from '@pt/protocol';
import { useFlattenStore } from './flatten.store.js';

export function FlattenAllButton() {
  const press = useFlattenStore((s) => s.press);
  const isPressing = useFlattenStore((s) => s.isPressing);
  const [isConfirming, setIsConfirming] = useState(false);
  if (isConfirming) {
    return (
      <span className="flatten-confirm" role="group" aria-label="Confirm Flatten All">
        <span>Halt trading, cancel every order and close every position?</span>
        <button
          type="button"
          className="danger"
          onClick={() => {
            setIsConfirming(false);
            void press();
          }}
        >
          Yes, flatten all
        </button>
        <button type="button" onClick={() => setIsConfirming(false)}>
          No
        </button>
      </span>
    );
  }
  return (
    <button type="button" className="danger" onClick={() => setIsConfirming(true)} disabled={isPressing}>
      {isPressing ? 'Flattening…' : 'Flatten All'}
    </button>
  );
}

function summary(report: FlattenReport): string {
  if (report.failure !== null) return `Flatten All could not run: ${report.failure}`;
  if (report.status === 'running')
    return 'Flatten All running: trading halted, cancelling and closing positions…';
  const left = report.positionsAfter ?? 0;
  return left === 0
    ? `Flatten All finished: flat (${report.positionsBefore ?? 0} position(s) closed).`
    : `Flatten All finished: ${left} position(s) left.`;
}

export function FlattenReportPanel() {
  const report = useFlattenStore((s) => s.report);
  const error = useFlattenStore((s) => s.error);
  if (report === null && error === null) return null;
  return (
    <section className="area-flatten flatten-report" aria-labelledby="flatten-h" data-testid="flatten-report">
      <h2 id="flatten-h">Flatten All</h2>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {report !== null && (
        <>
          <p role="status">{summary(report)}</p>
          {report.cancel !== null && (
            <p>
              Orders canceled: {report.cancel.canceled}
              {report.cancel.unknown > 0 && `, ${report.cancel.unknown} unknown (reconciling)`}
              {report.cancel.isVerified
                ? '; the venue lists none resting.'
                : '; not yet verified at the venue.'}
            </p>
          )}
          {report.markets.length > 0 && (
            <ul>
              {report.markets.map((market) => (
                <li key={market.ticker} className={`flatten-${market.status}`}>
                  {market.ticker}: {market.status} ({formatCountFp(market.positionBeforeE2)} →{' '}
                  {formatCountFp(market.positionAfterE2)}){market.reason !== null && ` — ${market.reason}`}
                  {market.detail !== null && `: ${market.detail}`}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
