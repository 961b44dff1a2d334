/**
 * `npm run backtest -- …` flags. Every bad value is a `BacktestUsageError` naming its flag (the
 * CLI exits 2 with it). Paths are resolved against `cwd`; the caller supplies the defaults that
 * depend on the environment (the agent's data dir, the recorded data dir).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FixedPointError, parseMoneyDollars } from '@pt/protocol';
import { STRATEGIES } from '../strategies/registry.js';
import { DATA_SETS, isDataSetName, type DataSetName } from './data-sets.js';

export class BacktestUsageError extends Error {
  override name = 'BacktestUsageError';
  constructor(
    readonly flag: string,
    message: string,
  ) {
    super(`${flag}: ${message}`);
  }
}

export interface BacktestArgs {
  readonly strategyId: string;
  readonly dataSet: DataSetName;
  readonly configFile: string | null;
  readonly seed: number;
  readonly outDir: string;
  readonly dataDir: string;
  readonly startingCashE6: number;
  readonly clockIntervalMs: number;
  /** `--model`: feed the signal model's predictions (for a config with the model gate on). */
  readonly isModelUsed: boolean;
}

export const USAGE = `usage: npm run backtest -- --strategy ${STRATEGIES.map((s) => s.id).join('|')} --data ${DATA_SETS.join(' | ')}
  [--config <json file>] [--seed N] [--out <dir>] [--data-dir <recorded data dir>]
  [--cash <dollars, default 1000>] [--clock-ms <tick while holding, default 1000>] [--model]`;

export interface ArgDefaults {
  readonly cwd: string;
  /** `<agent data dir>/backtests`. */
  readonly outDir: () => string;
  /** The repository's `../shared/data`. */
  readonly dataDir: string;
}

function integer(flag: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^-?\d+$/.test(raw)) throw new BacktestUsageError(flag, `expected an integer, got "${raw}"`);
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new BacktestUsageError(flag, `must be between ${min} and ${max}, got ${raw}`);
  }
  return value;
}

export function parseBacktestArgs(argv: readonly string[], defaults: ArgDefaults): BacktestArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        strategy: { type: 'string' },
        data: { type: 'string' },
        config: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        'data-dir': { type: 'string' },
        cash: { type: 'string' },
        'clock-ms': { type: 'string' },
        model: { type: 'boolean' },
      },
    }).values;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const flag = /'(-{1,2}[^'\s]+)/.exec(message)?.[1] ?? 'arguments';
    throw new BacktestUsageError(flag, message);
  }
  const text = (name: string): string | undefined => {
    const value = values[name];
    if (value === '') throw new BacktestUsageError(`--${name}`, 'must not be empty');
    return typeof value === 'string' ? value : undefined;
  };
  const strategyId = text('strategy');
  if (strategyId === undefined) throw new BacktestUsageError('--strategy', 'is required');
  if (!STRATEGIES.some((s) => s.id === strategyId)) {
    throw new BacktestUsageError(
      '--strategy',
      `unknown strategy "${strategyId}" (${STRATEGIES.map((s) => s.id).join(', ')})`,
    );
  }
  const dataSet = text('data');
  if (dataSet === undefined) throw new BacktestUsageError('--data', 'is required');
  if (!isDataSetName(dataSet)) {
    throw new BacktestUsageError('--data', `unknown data set "${dataSet}" (${DATA_SETS.join(', ')})`);
  }
  let startingCashE6 = 1_000_000_000;
  const cash = text('cash');
  if (cash !== undefined) {
    try {
      startingCashE6 = parseMoneyDollars(cash, '--cash');
    } catch (err) {
      if (!(err instanceof FixedPointError)) throw err;
      throw new BacktestUsageError('--cash', `expected dollars like 1000 or 250.50, got "${cash}"`);
    }
    if (startingCashE6 <= 0) throw new BacktestUsageError('--cash', 'must be more than $0');
  }
  const configFile = text('config');
  const outDir = text('out');
  const dataDir = text('data-dir');
  return {
    strategyId,
    dataSet,
    configFile: configFile === undefined ? null : resolve(defaults.cwd, configFile),
    seed: integer('--seed', text('seed'), 1, 0, 2 ** 31 - 1),
    outDir: outDir === undefined ? defaults.outDir() : resolve(defaults.cwd, outDir),
    dataDir: dataDir === undefined ? defaults.dataDir : resolve(defaults.cwd, dataDir),
    startingCashE6,
    clockIntervalMs: integer('--clock-ms', text('clock-ms'), 1_000, 1, 3_600_000),
    isModelUsed: values.model === true,
  };
}
