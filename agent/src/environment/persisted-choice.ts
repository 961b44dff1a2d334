import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { z } from 'zod';
import { TimestampMs, TradingEnvironment } from '@pt/protocol';
import type { AgentConfig } from '../config/schema.js';

/** The trader's last switch, so the agent comes back in the environment it was left in. */
export const ENVIRONMENT_FILE_NAME = 'environment.json';

export const PersistedEnvironment = z.strictObject({
  environment: TradingEnvironment,
  changedAtMs: TimestampMs,
});
export type PersistedEnvironment = z.infer<typeof PersistedEnvironment>;

/**
 * The persisted choice, or undefined when there is none. A file that does not parse is ignored
 * with a warning: falling back to config.json / `sim` is safe, refusing to start is not useful.
 */
export function readPersistedEnvironment(dataDir: string, logger: Logger): PersistedEnvironment | undefined {
  const file = join(dataDir, ENVIRONMENT_FILE_NAME);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (isNoEntry(err)) return undefined;
    logger.warn({ err, file }, 'cannot read the persisted environment; ignoring it');
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    logger.warn({ file }, 'the persisted environment is not JSON; ignoring it');
    return undefined;
  }
  const parsed = PersistedEnvironment.safeParse(json);
  if (parsed.success) return parsed.data;
  logger.warn({ file, issues: parsed.error.issues }, 'the persisted environment is malformed; ignoring it');
  return undefined;
}

/** Atomic (temp file, fsync, rename) and 0600, like every file in the data dir. */
export function writePersistedEnvironment(dataDir: string, choice: PersistedEnvironment): void {
  const file = join(dataDir, ENVIRONMENT_FILE_NAME);
  const temp = `${file}.${process.pid}.tmp`;
  const text = `${JSON.stringify(PersistedEnvironment.parse(choice))}\n`;
  try {
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

export interface StartEnvironment {
  environment: TradingEnvironment;
  /** Why this one: an explicit flag / PT_ENV, the persisted switch, config.json, or the default. */
  source: AgentConfig['environmentSource'] | 'persisted';
}

/** `--env` / `PT_ENV` win, then the persisted switch, then config.json, then `sim`. */
export function resolveStartEnvironment(
  config: Pick<AgentConfig, 'environment' | 'environmentSource'>,
  persisted: PersistedEnvironment | undefined,
): StartEnvironment {
  const isExplicit = config.environmentSource === 'flag' || config.environmentSource === 'env';
  if (!isExplicit && persisted !== undefined)
    return { environment: persisted.environment, source: 'persisted' };
  return { environment: config.environment, source: config.environmentSource };
}

function isNoEntry(err: unknown): boolean {
  return err instanceof Error && 'code' in err && err.code === 'ENOENT';
}
