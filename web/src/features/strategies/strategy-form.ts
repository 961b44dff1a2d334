/**
 * A strategy's parameters form, generated from its config object: each leaf becomes a field
 * (nested objects by dotted path, e.g. `modelGate.minProbability`), edited as text and parsed back
 * to the JSON type it had (number, boolean, string, list of strings; anything else as JSON). Values
 * stay the raw integers the agent uses: a name's suffix only adds a unit hint (`…E4` = 1/10,000 $),
 * money is never turned into a float here. The agent validates the result with the strategy's own
 * schema; its 422 names `config.<path>`, which `fieldOfError` maps back to a field.
 */
import type { StrategyConfigObject } from '@pt/protocol';

type Json = StrategyConfigObject[string];
export type ConfigFieldKind = 'number' | 'boolean' | 'string' | 'list' | 'json';

export interface ConfigField {
  /** Dotted path in the config (`zThreshold`, `modelGate.isEnabled`). */
  readonly path: string;
  readonly kind: ConfigFieldKind;
  /** The unit the name implies (`price in 1/10,000 $`), or null. */
  readonly hint: string | null;
}

export type ConfigText = Readonly<Record<string, string>>;

const HINTS: readonly (readonly [RegExp, string])[] = [
  [/E4$/, 'price in 1/10,000 $'],
  [/E6$/, 'money in 1/1,000,000 $'],
  [/E2$/, 'count in 1/100 contract'],
  [/Ms$/, 'milliseconds'],
];

export function unitHint(name: string): string | null {
  return HINTS.find(([pattern]) => pattern.test(name))?.[1] ?? null;
}

function isPlainObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An empty array is a list of strings only when its name says so (`tickers`); else JSON. */
function kindOf(key: string, value: Json): ConfigFieldKind {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  if (!Array.isArray(value)) return 'json';
  if (value.length === 0) return /tickers$/i.test(key) ? 'list' : 'json';
  return value.every((item) => typeof item === 'string') ? 'list' : 'json';
}

/** The form's fields in the config's own key order, nested objects flattened. */
export function configFields(config: StrategyConfigObject, prefix = ''): ConfigField[] {
  return Object.entries(config).flatMap(([key, value]) => {
    const path = `${prefix}${key}`;
    if (isPlainObject(value)) return configFields(value, `${path}.`);
    return [{ path, kind: kindOf(key, value), hint: unitHint(key) }];
  });
}

function valueAt(config: StrategyConfigObject, path: string): Json {
  let value: Json = config;
  for (const key of path.split('.')) value = isPlainObject(value) ? (value[key] ?? null) : null;
  return value;
}

function toText(kind: ConfigFieldKind, value: Json): string {
  if (kind === 'boolean') return value === true ? 'on' : 'off';
  if (kind === 'list' && Array.isArray(value))
    return value.filter((item): item is string => typeof item === 'string').join(', ');
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  return JSON.stringify(value);
}

export function configText(config: StrategyConfigObject): ConfigText {
  return Object.fromEntries(
    configFields(config).map((f) => [f.path, toText(f.kind, valueAt(config, f.path))]),
  );
}

const NUMBER = /^-?\d+(\.\d+)?$/;

function fromText(kind: ConfigFieldKind, text: string): Json {
  const value = text.trim();
  if (kind === 'boolean') return value === 'on';
  if (kind === 'string') return text;
  if (kind === 'list')
    return value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  if (kind === 'json') return JSON.parse(value) as Json;
  if (!NUMBER.test(value)) throw new Error('a number like 20 or 2.5');
  return Number(value);
}

function setAt(target: Record<string, Json>, path: string, value: Json): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key] ?? null;
    node = isPlainObject(next) ? next : (node[key] = {});
  }
  node[keys[keys.length - 1] ?? path] = value;
}

export type ConfigParse =
  | { readonly ok: true; readonly config: StrategyConfigObject }
  | { readonly ok: false; readonly errors: Readonly<Record<string, string>> };

/** The full config from the form, each value in its original JSON type; bad text names its field. */
export function parseConfigText(original: StrategyConfigObject, text: ConfigText): ConfigParse {
  const config = JSON.parse(JSON.stringify(original)) as Record<string, Json>;
  const errors: Record<string, string> = {};
  for (const field of configFields(original)) {
    try {
      setAt(config, field.path, fromText(field.kind, text[field.path] ?? ''));
    } catch (err) {
      errors[field.path] =
        `${field.path}: ${field.kind === 'json' ? 'not valid JSON' : (err as Error).message}`;
    }
  }
  return Object.keys(errors).length === 0 ? { ok: true, config } : { ok: false, errors };
}

/**
 * The form field an agent error names (`config.modelGate.minProbability`, `config.tickers[1]`), or
 * null when it names none of them (the whole config, or not a config field).
 */
export function fieldOfError(field: string | null, fields: readonly ConfigField[]): string | null {
  if (field === null || !field.startsWith('config.')) return null;
  const path = field.slice('config.'.length);
  const hits = fields.filter(
    (f) => path === f.path || path.startsWith(`${f.path}.`) || path.startsWith(`${f.path}[`),
  );
  return hits.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? null;
}
