/**
 * The onboarding wizard after pairing (step 1): step 2, the Kalshi key, and step 3, mode and
 * limits. Open by default until the agent holds a key; folded away after, always reachable.
 */
import { useEffect, useRef, useState } from 'react';
import { KeyStep } from './KeyStep.js';
import { ModeStep } from './ModeStep.js';
import { useOnboardingStore } from './onboarding.store.js';
import { readSetupOpen, writeSetupOpen } from './setup-open.js';
import { PopOutButton } from '../popout/PopOutButton.js';

const REFRESH_MS = 5_000;

export function SetupPanel() {
  const { credentials, loadError, load } = useOnboardingStore();
  const hasKey = (credentials?.credentials.length ?? 0) > 0;
  // Decided once, when the agent first answers; the trader's own open / close wins after that.
  // Until then it is painted as this browser last saw it (no shift of the panels below on reload).
  const [isOpen, setIsOpen] = useState(() => readSetupOpen() ?? false);
  const isDecided = useRef(false);
  useEffect(() => {
    if (credentials === null || isDecided.current) return;
    isDecided.current = true;
    setIsOpen(!hasKey);
  }, [credentials, hasKey]);
  useEffect(() => writeSetupOpen(isOpen), [isOpen]);
  useEffect(() => void load(), [load]);
  // While open, re-read: a key imported with the CLI shows up, and a keychain that was briefly
  // unavailable (locked, busy) is read again.
  useEffect(() => {
    if (!isOpen) return undefined;
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [isOpen, load]);
  return (
    <section className="area-setup" aria-labelledby="setup-title">
      <PopOutButton panel="setup" label="Setup" />
      <details open={isOpen} onToggle={(e) => setIsOpen(e.currentTarget.open)}>
        <summary>
          <h2 id="setup-title">Setup</h2> <span className="muted">1 · browser paired ✓</span>
        </summary>
        {loadError !== null && (
          <p className="error" role="status">
            Setup not loaded: {loadError}
          </p>
        )}
        {/* The steps appear once the agent has answered, in a space reserved at their size: they
            never fill in piecemeal under the trader's eyes, shifting what is below. */}
        {credentials === null && loadError === null ? (
          <div className="setup-steps setup-loading" aria-busy="true">
            <p className="muted">Reading the agent’s keys and mode…</p>
          </div>
        ) : (
          <div className="setup-steps">
            <KeyStep />
            <ModeStep />
          </div>
        )}
      </details>
    </section>
  );
}
