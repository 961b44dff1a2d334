/**
 * Risk limits: the agent's settings as the trader edits them (dollars, contracts, seconds), checked
 * here with the protocol schema and then by the agent; a problem is shown on its field (ours before
 * sending, the agent's 422 after). Saved as a whole with `PUT /v1/risk/settings`.
 */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { formatTime } from '../../lib/format.js';
import { RISK_FIELDS, parseRiskText, riskText } from './risk-form.js';
import type { RiskText } from './risk-form.js';
import { useRiskStore } from './risk.store.js';
import { PopOutButton } from '../popout/PopOutButton.js';

export function RiskLimitsPanel() {
  const { settings, loadError, isSaving, saveError, savedAtMs, load, save } = useRiskStore();
  const [text, setText] = useState<RiskText | null>(null);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  useEffect(() => void load(), [load]);
  useEffect(() => {
    if (settings !== null) setText(riskText(settings));
  }, [settings]);

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (text === null) return;
    const parsed = parseRiskText(text);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    await save(parsed.settings);
  };

  const errorOf = (key: string): string | undefined =>
    errors[key] ?? (saveError?.field === key ? saveError.message : undefined);

  return (
    <section className="area-risk" aria-labelledby="risk-title">
      <PopOutButton panel="risk" label="Risk limits" />
      <h2 id="risk-title">Risk limits</h2>
      {loadError !== null && (
        <p className="error" role="status">
          Risk limits not loaded: {loadError}
        </p>
      )}
      {text !== null && (
        <form className="risk" onSubmit={(e) => void onSubmit(e)} noValidate>
          {RISK_FIELDS.map((field) => {
            const error = errorOf(field.key);
            const id = `risk-${field.key}`;
            return (
              <div key={field.key}>
                <label htmlFor={id}>
                  {field.label}
                  {field.kind === 'switch' ? (
                    <input
                      id={id}
                      type="checkbox"
                      checked={text[field.key] === 'on'}
                      onChange={(e) => setText({ ...text, [field.key]: e.target.checked ? 'on' : 'off' })}
                    />
                  ) : (
                    <input
                      id={id}
                      inputMode="decimal"
                      value={text[field.key]}
                      aria-invalid={error !== undefined}
                      aria-describedby={error === undefined ? undefined : `${id}-error`}
                      onChange={(e) => setText({ ...text, [field.key]: e.target.value })}
                    />
                  )}
                </label>
                {error !== undefined && (
                  <span id={`${id}-error`} className="field-error" role="alert">
                    {error}
                  </span>
                )}
              </div>
            );
          })}
          {saveError !== null && saveError.field === null && (
            <p className="error" role="alert">
              Not saved: {saveError.message}
            </p>
          )}
          <button type="submit" disabled={isSaving}>
            Save limits
          </button>
          {savedAtMs !== null && saveError === null && (
            <span className="muted" role="status" data-testid="risk-saved">
              {' '}
              Saved at {formatTime(savedAtMs)}
            </span>
          )}
        </form>
      )}
    </section>
  );
}
