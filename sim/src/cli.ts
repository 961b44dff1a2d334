import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { UsageTier } from './limits/index.js';

/** Repo root (this file is sim/src/cli.ts); recorded data defaults to `<repo>/../shared/data`. */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_DATA_DIR = resolve(REPO_ROOT, '..', 'shared', 'data');

export const cliOptionsSchema = z.object({
  port: z.coerce.number().int('--port: must be an integer').min(0).max(65_535),
  seed: z.coerce
    .number()
    .int('--seed: must be an integer')
    .min(0)
    .max(2 ** 32 - 1),
  speed: z.coerce.number().positive('--speed: must be > 0').max(100_000),
  /** LOAD GENERATION: book changes per second from recorded quote paths (0 = normal replay). */
  churn: z.coerce.number().int('--churn: must be an integer').min(0).max(1_000_000),
  data: z.string().min(1),
  tier: UsageTier,
  keys: z.string().min(1).optional(),
  logLevel: z.enum(['debug', 'info', 'warn', 'error']),
  /** `off` drops the weekly Thursday window so tests do not depend on the day they run. */
  maintenance: z.enum(['on', 'off']),
});
export type CliOptions = z.infer<typeof cliOptionsSchema>;

/** Parses argv (without node and script); throws an Error naming the bad flag. */
export function parseCli(argv: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string', default: '0' },
      seed: { type: 'string', default: '1' },
      speed: { type: 'string', default: '1' },
      churn: { type: 'string', default: '0' },
      data: { type: 'string', default: DEFAULT_DATA_DIR },
      tier: { type: 'string', default: 'basic' },
      keys: { type: 'string' },
      'log-level': { type: 'string', default: 'info' },
      maintenance: { type: 'string', default: 'on' },
    },
    strict: true,
    allowPositionals: false,
  });
  const parsed = cliOptionsSchema.safeParse({ ...values, logLevel: values['log-level'] });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = issue?.path.join('.') ?? '?';
    throw new Error(`invalid --${flag}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
