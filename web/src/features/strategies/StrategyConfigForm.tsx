/**
 * One strategy's parameters, a field per config leaf (numbers as raw integers with their unit hint,
 * switches, text, comma-separated tickers). Save sends the whole config; a problem shows on its
 * field: ours (not a number) before sending, the agent's 422 (`config.<name>`) after (a refusal
 * naming no field is shown by the card).
 */
import { useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { StrategyConfigObject } from '@pt/protocol';
import { configFields, configText, fieldOfError, parseConfigText } from './strategy-form.js';
import type { ConfigField, ConfigText } from './strategy-form.js';
import type { StrategyError } from './strategies.store.js';

export interface StrategyConfigFormProps {
  readonly strategyId: string;
  readonly config: StrategyConfigObject;
  readonly isBusy: boolean;
  readonly error: StrategyError | null;
  readonly onSave: (config: StrategyConfigObject) => Promise<boolean>;
}

function hintOf(field: ConfigField): string | null {
  if (field.kind === 'list') return 'comma-separated';
  if (field.kind === 'json') return 'JSON';
  return field.hint;
}

export function StrategyConfigForm({ strategyId, config, isBusy, error, onSave }: StrategyConfigFormProps) {
  const fields = useMemo(() => configFields(config), [config]);
  const [text, setText] = useState<ConfigText>(() => configText(config));
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  // Reset the text only when the agent's config changed (not on every re-read of the same one):
  // an edit in progress survives a refresh or a toggle.
  const configKey = JSON.stringify(config);
  useEffect(() => setText(configText(JSON.parse(configKey) as StrategyConfigObject)), [configKey]);

  const agentField = error === null ? null : fieldOfError(error.field, fields);
  const errorOf = (path: string): string | undefined =>
    errors[path] ?? (agentField === path ? error?.message : undefined);

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const parsed = parseConfigText(config, text);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    await onSave(parsed.config);
  };

  return (
    <form className="strategy-config" onSubmit={(e) => void onSubmit(e)} noValidate>
      {fields.map((field) => {
        const id = `strategy-${strategyId}-${field.path}`;
        const fieldError = errorOf(field.path);
        const hint = hintOf(field);
        const described = [
          hint === null ? null : `${id}-hint`,
          fieldError === undefined ? null : `${id}-error`,
        ]
          .filter((d) => d !== null)
          .join(' ');
        const common = {
          id,
          'aria-invalid': fieldError !== undefined,
          'aria-describedby': described === '' ? undefined : described,
        };
        const value = text[field.path] ?? '';
        const change = (next: string): void => setText({ ...text, [field.path]: next });
        return (
          <div key={field.path} className="strategy-field">
            <label htmlFor={id}>{field.path}</label>
            {field.kind === 'boolean' ? (
              <input
                {...common}
                type="checkbox"
                checked={value === 'on'}
                onChange={(e) => change(e.target.checked ? 'on' : 'off')}
              />
            ) : field.kind === 'json' ? (
              <textarea {...common} rows={2} value={value} onChange={(e) => change(e.target.value)} />
            ) : (
              <input
                {...common}
                inputMode={field.kind === 'number' ? 'decimal' : 'text'}
                value={value}
                onChange={(e) => change(e.target.value)}
              />
            )}
            {hint !== null && (
              <small id={`${id}-hint`} className="muted">
                {hint}
              </small>
            )}
            {fieldError !== undefined && (
              <span id={`${id}-error`} className="field-error" role="alert">
                {fieldError}
              </span>
            )}
          </div>
        );
      })}
      <button type="submit" disabled={isBusy}>
        Save parameters
      </button>
    </form>
  );
}
