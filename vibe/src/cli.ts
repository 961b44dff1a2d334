/**
 * Flags of `node --import tsx vibe/src/main.ts` (see README): parsed once with zod; a bad flag
 * throws naming it. API keys come from `--keys FILE` or `VIBE_API_KEYS`; without any the service
 * refuses to start (it is internet-facing in production).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The bundled real samples (`../shared/data`): the offline default. */
export const DEFAULT_DATA_DIR = resolve(REPO_ROOT, '..', 'shared', 'data');
export const DEFAULT_PORT = 47831;

const int = (min: number, max: number) => z.coerce.number().int('expected an integer').min(min).max(max);

export const VibeCliOptions = z.strictObject({
  port: int(0, 65_535),
  /** 127.0.0.1 by default; a cloud box binds 0.0.0.0 behind a TLS-terminating proxy. */
  host: z.string().min(1),
  /** SQLite file; `:memory:` keeps nothing across restarts. */
  db: z.string().min(1),
  keys: z.string().min(1).optional(),
  sources: z.string().min(1).optional(),
  topics: z.string().min(1).optional(),
  data: z.string().min(1),
  scorer: z.enum(['onnx', 'vader']),
  ttlS: int(1, 86_400),
  halfLifeS: int(1, 30 * 86_400),
  windowS: int(60, 90 * 86_400),
  tickMs: int(50, 3_600_000),
  offlineIntervalS: int(5, 86_400),
  rateCapacity: int(1, 10_000),
  ratePerS: z.coerce.number().positive().max(10_000),
  logLevel: z.enum(['debug', 'info', 'warn', 'error', 'silent']),
});
export type VibeCliOptions = z.infer<typeof VibeCliOptions>;

const FLAGS = {
  port: String(DEFAULT_PORT),
  host: '127.0.0.1',
  db: ':memory:',
  keys: undefined,
  sources: undefined,
  topics: undefined,
  data: DEFAULT_DATA_DIR,
  scorer: 'onnx',
  'ttl-s': '300',
  'half-life-s': '21600',
  'window-s': '259200',
  'tick-ms': '5000',
  'offline-interval-s': '60',
  'rate-capacity': '30',
  'rate-per-s': '5',
  'log-level': 'info',
} as const;

function camel(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

export function parseVibeCli(argv: readonly string[]): VibeCliOptions {
  const options = Object.fromEntries(
    Object.entries(FLAGS).map(([flag, value]) => [
      flag,
      value === undefined ? { type: 'string' as const } : { type: 'string' as const, default: value },
    ]),
  );
  const { values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
  const input = Object.fromEntries(Object.entries(values).map(([flag, value]) => [camel(flag), value]));
  const parsed = VibeCliOptions.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = String(issue?.path[0] ?? '?').replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
    throw new Error(`invalid --${flag}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
