import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { TradingEnvironment } from '@pt/protocol';
import { AgentError } from '../lib/errors.js';
import type { ConfigFlags } from './command-line.js';
import { defaultDataDir } from './default-data-dir.js';
import { vibeFromFlags } from './vibe-flags.js';
import type { DataDirEnv } from './default-data-dir.js';
import {
  AgentConfig,
  ConfigFile,
  type ConfigSource,
  DEFAULT_DEVICE_IDLE_EXPIRY_DAYS,
  DEFAULT_PORT,
  LogLevel,
  Port,
  SimVenueConfig,
} from './schema.js';

/** The environment variables the agent honours (everything else in the environment is ignored). */
export interface ConfigEnv extends DataDirEnv {
  PT_PORT?: string | undefined;
  PT_DATA_DIR?: string | undefined;
  PT_ENV?: string | undefined;
  PT_LOG_LEVEL?: string | undefined;
}

export interface LoadConfigInput {
  flags: ConfigFlags;
  env: ConfigEnv;
  platform: NodeJS.Platform;
  /** Relative `--data-dir` / `--config` paths resolve against it. */
  cwd: string;
}

export const CONFIG_FILE_NAME = 'config.json';

/** Flags and env vars are strings; this is their shape once coerced. */
const StringLayer = z.object({
  port: z
    .string()
    .regex(/^\d+$/, 'expected an integer from 0 to 65535')
    .transform(Number)
    .pipe(Port)
    .optional(),
  environment: TradingEnvironment.optional(),
  logLevel: LogLevel.optional(),
});
type Layer = Pick<ConfigFile, 'port' | 'environment' | 'logLevel'>;

interface Issue {
  field: string;
  message: string;
}

function configError(issues: readonly Issue[]): AgentError {
  const message = issues.map((issue) => `${issue.field}: ${issue.message}`).join('\n');
  return new AgentError(
    'CONFIG_INVALID',
    `invalid configuration: ${message}`,
    {},
    {
      field: issues[0]?.field ?? 'config',
      issues,
    },
  );
}

function parseStringLayer(
  raw: Record<keyof Layer, string | undefined>,
  labels: Record<keyof Layer, string>,
): Layer {
  const result = StringLayer.safeParse(raw);
  if (result.success) return result.data;
  throw configError(
    result.error.issues.map((issue) => {
      const key = issue.path[0];
      const isKnown = key === 'port' || key === 'environment' || key === 'logLevel';
      const got = isKnown ? ` (got '${raw[key] ?? ''}')` : '';
      return { field: isKnown ? labels[key] : String(key), message: `${issue.message}${got}` };
    }),
  );
}

function readConfigFile(file: string, fieldPrefix: string): ConfigFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw configError([{ field: fieldPrefix, message: `cannot read ${file}: ${reason}` }]);
  }
  const result = ConfigFile.safeParse(json);
  if (result.success) return result.data;
  throw configError(
    result.error.issues.map((issue) => ({
      field: [fieldPrefix, ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  );
}

/**
 * Resolve the configuration once, with precedence flags > env > config file > defaults. The data
 * dir comes from flags, env or the OS default only, since the default config file lives inside it.
 */
export function loadConfig(input: LoadConfigInput): AgentConfig {
  const { flags, env, cwd } = input;
  const fromFlags = parseStringLayer(
    { port: flags.port, environment: flags.env, logLevel: flags.logLevel },
    { port: '--port', environment: '--env', logLevel: '--log-level' },
  );
  const fromEnv = parseStringLayer(
    {
      port: env.PT_PORT || undefined,
      environment: env.PT_ENV || undefined,
      logLevel: env.PT_LOG_LEVEL || undefined,
    },
    { port: 'PT_PORT', environment: 'PT_ENV', logLevel: 'PT_LOG_LEVEL' },
  );
  if (flags.dataDir === '') throw configError([{ field: '--data-dir', message: 'must not be empty' }]);
  const dataDir = resolve(cwd, flags.dataDir ?? (env.PT_DATA_DIR || defaultDataDir(input.platform, env)));

  let configFile: string | undefined;
  let fromFile: ConfigFile = {};
  if (flags.config !== undefined) {
    configFile = isAbsolute(flags.config) ? flags.config : resolve(cwd, flags.config);
    if (!existsSync(configFile))
      throw configError([{ field: '--config', message: `no such file: ${configFile}` }]);
    fromFile = readConfigFile(configFile, '--config');
  } else if (existsSync(join(dataDir, CONFIG_FILE_NAME))) {
    configFile = join(dataDir, CONFIG_FILE_NAME);
    fromFile = readConfigFile(configFile, CONFIG_FILE_NAME);
  }

  const simVenue = simVenueFromFlags(flags) ?? fromFile.simVenue;
  const [environment, environmentSource] = pickSource<TradingEnvironment>(
    fromFlags.environment,
    fromEnv.environment,
    fromFile.environment,
    'sim',
  );
  return AgentConfig.parse({
    port: fromFlags.port ?? fromEnv.port ?? fromFile.port ?? DEFAULT_PORT,
    dataDir,
    environment,
    environmentSource,
    logLevel: fromFlags.logLevel ?? fromEnv.logLevel ?? fromFile.logLevel ?? 'info',
    allowedOrigins: fromFile.allowedOrigins ?? [],
    deviceIdleExpiryDays: fromFile.deviceIdleExpiryDays ?? DEFAULT_DEVICE_IDLE_EXPIRY_DAYS,
    ...vibeFromFlags(flags, fromFile.vibe, cwd),
    ...(fromFile.timeZone === undefined ? {} : { timeZone: fromFile.timeZone }),
    ...(simVenue === undefined ? {} : { simVenue }),
    ...(configFile === undefined ? {} : { configFile }),
    ...(flags.noTray === true ? { noTray: true } : {}),
  });
}

/** The first value set, in precedence order, and which layer it came from. */
function pickSource<T>(
  flag: T | undefined,
  env: T | undefined,
  file: T | undefined,
  fallback: T,
): [T, ConfigSource] {
  if (flag !== undefined) return [flag, 'flag'];
  if (env !== undefined) return [env, 'env'];
  if (file !== undefined) return [file, 'file'];
  return [fallback, 'default'];
}

/** `--sim-rest` and `--sim-ws` come together or not at all. */
function simVenueFromFlags(flags: ConfigFlags): SimVenueConfig | undefined {
  if (flags.simRest === undefined && flags.simWs === undefined) return undefined;
  if (flags.simRest === undefined)
    throw configError([{ field: '--sim-rest', message: 'required with --sim-ws' }]);
  if (flags.simWs === undefined)
    throw configError([{ field: '--sim-ws', message: 'required with --sim-rest' }]);
  const result = SimVenueConfig.safeParse({ restBaseUrl: flags.simRest, wsUrl: flags.simWs });
  if (result.success) return result.data;
  throw configError(
    result.error.issues.map((issue) => ({
      field: issue.path[0] === 'wsUrl' ? '--sim-ws' : '--sim-rest',
      message: issue.message,
    })),
  );
}
