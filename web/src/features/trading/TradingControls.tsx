/**
 * The trader's switch: ACTIVE / REDUCING / HALTED with a reason (it goes in the activity feed) and
 * a confirmation. Resuming is also how a human clears a system halt (daily loss, Flatten All).
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { TradingMode } from '@pt/protocol';
import { useTradingStore } from './trading.store.js';
import { PopOutButton } from '../popout/PopOutButton.js';

const LABELS: Record<TradingMode, string> = {
  active: 'Active (trade normally)',
  reducing: 'Reducing (only orders that shrink positions)',
  halted: 'Halted (no new orders)',
};

export function TradingControls() {
  const tradingState = useTradingStore((s) => s.tradingState);
  const setMode = useTradingStore((s) => s.setMode);
  const [mode, setModeChoice] = useState<TradingMode>('halted');
  const [reason, setReason] = useState('');
  const [isConfirming, setIsConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    setError(reason.trim() === '' ? 'Reason: say why (it goes in the activity feed)' : null);
    setIsConfirming(reason.trim() !== '');
  };
  const onConfirm = async (): Promise<void> => {
    setIsConfirming(false);
    const failure = await setMode(mode, reason.trim());
    setError(failure);
    if (failure === null) setReason('');
  };

  return (
    <section aria-labelledby="controls-h" className="area-controls">
      <PopOutButton panel="trading" label="Trading controls" />
      <h2 id="controls-h">Trading controls</h2>
      <p>
        Now: <strong>{tradingState === null ? 'unknown' : tradingState.mode.toUpperCase()}</strong>
        {tradingState !== null && ` (${tradingState.changedBy}: ${tradingState.reason})`}
      </p>
      <form onSubmit={onSubmit}>
        <label>
          Switch to
          <select
            value={mode}
            onChange={(e) => setModeChoice(TradingMode.catch('halted').parse(e.target.value))}
          >
            {TradingMode.options.map((option) => (
              <option key={option} value={option}>
                {LABELS[option]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Reason
          <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} />
        </label>
        <button type="submit">Switch trading</button>
      </form>
      {isConfirming && (
        <div className="review" role="group" aria-label="Confirm trading switch">
          <p>Switch trading to {mode.toUpperCase()}?</p>
          <button type="button" onClick={() => void onConfirm()}>
            Confirm switch
          </button>
          <button type="button" onClick={() => setIsConfirming(false)}>
            Keep it
          </button>
        </div>
      )}
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
