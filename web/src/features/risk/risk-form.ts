/**
 * The risk limits form: RiskSettings ↔ the text the trader edits (dollars, contracts, seconds,
 * counts, switches), parsed back in fixed point (never floats) and checked with the protocol's
 * RiskSettings so every problem names its field, exactly as the agent would.
 */
import {
  RiskSettings,
  formatCountFp,
  formatMoneyDollars,
  parseCountFp,
  parseMoneyDollars,
} from '@pt/protocol';
import type { CountE2, MoneyE6 } from '@pt/protocol';

type Key = keyof RiskSettings;
export type FieldKind = 'money' | 'count' | 'integer' | 'seconds' | 'switch';

export interface RiskField {
  readonly key: Key;
  readonly label: string;
  readonly kind: FieldKind;
}

export const RISK_FIELDS: readonly RiskField[] = [
  { key: 'maxOrderCountE2', label: 'Largest order (contracts)', kind: 'count' },
  { key: 'maxOrderNotionalE6', label: 'Largest order value ($)', kind: 'money' },
  { key: 'maxPositionCountE2', label: 'Largest position per market (contracts)', kind: 'count' },
  { key: 'maxEventLossE6', label: 'Largest loss per event ($)', kind: 'money' },
  { key: 'maxTotalExposureE6', label: 'Largest total exposure ($)', kind: 'money' },
  { key: 'dailyLossLimitE6', label: 'Daily loss limit ($)', kind: 'money' },
  { key: 'maxDrawdownE6', label: 'Max drawdown from peak ($)', kind: 'money' },
  { key: 'maxOpenOrders', label: 'Most resting orders', kind: 'integer' },
  { key: 'maxOrdersPerWindow', label: 'Most orders per window', kind: 'integer' },
  { key: 'orderRateWindowMs', label: 'Order rate window (s)', kind: 'seconds' },
  { key: 'lossCooldownMs', label: 'Cooldown after a losing exit (s)', kind: 'seconds' },
  { key: 'preCloseBlackoutMs', label: 'No new exposure before close (s)', kind: 'seconds' },
  { key: 'shutdownCancelDeadlineMs', label: 'Shutdown cancel deadline (s)', kind: 'seconds' },
  { key: 'strategyGroupContractsLimitE2', label: 'Strategy group limit per 15 s (contracts)', kind: 'count' },
  { key: 'cancelOrdersOnPause', label: 'Venue cancels our orders if trading pauses', kind: 'switch' },
  { key: 'cancelOrdersOnShutdown', label: 'Cancel resting orders when the agent exits', kind: 'switch' },
];

export type RiskText = Readonly<Record<Key, string>>;

function toText(kind: FieldKind, value: number | boolean): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (kind === 'money') return formatMoneyDollars(value as MoneyE6).replace(/\.?0+$/, '');
  if (kind === 'count') return formatCountFp(value as CountE2);
  if (kind === 'seconds') return String(value / 1_000);
  return String(value);
}

export function riskText(settings: RiskSettings): RiskText {
  return Object.fromEntries(RISK_FIELDS.map((f) => [f.key, toText(f.kind, settings[f.key])])) as RiskText;
}

/** Whole milliseconds from seconds with at most 3 decimals, without float arithmetic. */
function parseSeconds(text: string): number {
  const match = /^(\d{1,9})(?:\.(\d{1,3}))?$/.exec(text);
  if (match === null) throw new Error('seconds: a number like 60 or 2.5');
  return Number(match[1]) * 1_000 + Number((match[2] ?? '').padEnd(3, '0'));
}

function fromText(kind: FieldKind, text: string): number | boolean {
  const value = text.trim();
  if (kind === 'switch') return value === 'on';
  if (kind === 'money') return parseMoneyDollars(value);
  if (kind === 'count') return parseCountFp(value);
  if (kind === 'seconds') return parseSeconds(value);
  if (!/^\d{1,9}$/.test(value)) throw new Error('a whole number');
  return Number(value);
}

export type RiskParse =
  | { readonly ok: true; readonly settings: RiskSettings }
  | { readonly ok: false; readonly errors: Partial<Record<Key, string>> };

export function parseRiskText(text: RiskText): RiskParse {
  const errors: Partial<Record<Key, string>> = {};
  const raw: Record<string, number | boolean> = {};
  for (const field of RISK_FIELDS) {
    try {
      raw[field.key] = fromText(field.kind, text[field.key]);
    } catch {
      errors[field.key] = `${field.label}: not a valid ${field.kind === 'switch' ? 'switch' : 'number'}`;
    }
  }
  const parsed = RiskSettings.safeParse(raw);
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, settings: parsed.data };
  // Every problem at once: the schema's on the fields that did parse as numbers.
  for (const issue of parsed.error?.issues ?? []) {
    const key = String(issue.path[0] ?? '') as Key;
    if (key in raw)
      errors[key] ??= `${RISK_FIELDS.find((f) => f.key === key)?.label ?? key}: ${issue.message}`;
  }
  return { ok: false, errors };
}
