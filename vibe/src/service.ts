/**
 * Builds the whole service from parsed options and a Scorer: keys, sources, topic rules, store,
 * collectors, pipeline, HTTP app. `main.ts` adds the process (listen, ready line, signals); tests
 * build it in-process with their own scorer.
 */
import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { ApiKeyFile, ApiKeys, parseKeysEnv } from './api/api-keys.js';
import { createApp } from './api/app.js';
import { KeyedTokenBuckets } from './api/rate-limit.js';
import { SentimentReader } from './api/sentiment-reader.js';
import type { VibeCliOptions } from './cli.js';
import { offlineSources, SourcesFile, type SourceSpec } from './config/sources.js';
import { createCollector } from './collectors/create.js';
import type { Log } from './lib/log.js';
import { Pipeline } from './pipeline.js';
import type { Scorer } from './scorer/types.js';
import { VibeStore } from './store/vibe-store.js';
import { DEFAULT_TOPIC_RULES, TopicRulesFile, type TopicRule } from './topics/rules.js';
import { TopicMatcher } from './topics/matcher.js';

/** A configuration problem: the process exits 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface VibeService {
  app: Hono<{ Variables: { keyId: string } }>;
  pipeline: Pipeline;
  store: VibeStore;
  close(): Promise<void>;
}

function readJson(file: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (err) {
    throw new ConfigError(`${what} ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function parseOrThrow<T>(
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  value: unknown,
  what: string,
): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ConfigError(
    `${what}: ${issue?.path.map(String).join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
  );
}

export function loadKeys(
  options: VibeCliOptions,
  env: Readonly<Record<string, string | undefined>>,
): ApiKeys {
  const fromFile =
    options.keys === undefined
      ? []
      : parseOrThrow(ApiKeyFile, readJson(options.keys, '--keys'), `--keys ${options.keys}`);
  let fromEnv: ReturnType<typeof parseKeysEnv> = [];
  try {
    fromEnv = (env.VIBE_API_KEYS ?? '').trim() === '' ? [] : parseKeysEnv(env.VIBE_API_KEYS ?? '');
  } catch (err) {
    throw new ConfigError(err instanceof Error ? err.message : String(err));
  }
  const entries = [...fromFile, ...fromEnv];
  if (entries.length === 0) throw new ConfigError('no API keys: give --keys FILE or VIBE_API_KEYS=id:key');
  try {
    return new ApiKeys(entries);
  } catch (err) {
    throw new ConfigError(err instanceof Error ? err.message : String(err));
  }
}

export interface BuildDeps {
  scorer: Scorer;
  log: Log;
  env: Readonly<Record<string, string | undefined>>;
  nowMs?: () => number;
}

export function buildVibeService(options: VibeCliOptions, deps: BuildDeps): VibeService {
  const keys = loadKeys(options, deps.env);
  const specs: SourceSpec[] =
    options.sources === undefined
      ? offlineSources(options.data, options.offlineIntervalS)
      : parseOrThrow(SourcesFile, readJson(options.sources, '--sources'), `--sources ${options.sources}`)
          .sources;
  const rules: readonly TopicRule[] =
    options.topics === undefined
      ? DEFAULT_TOPIC_RULES
      : parseOrThrow(TopicRulesFile, readJson(options.topics, '--topics'), `--topics ${options.topics}`)
          .rules;
  const collectorDeps = {
    log: deps.log,
    env: deps.env,
    ...(deps.nowMs === undefined ? {} : { nowMs: deps.nowMs }),
  };
  let collectors;
  try {
    collectors = specs.map((spec) => createCollector(spec, collectorDeps));
  } catch (err) {
    throw new ConfigError(err instanceof Error ? err.message : String(err));
  }
  const store = new VibeStore(options.db);
  const nowMs = deps.nowMs ?? Date.now;
  const pipeline = new Pipeline({
    collectors,
    matcher: new TopicMatcher(rules),
    scorer: deps.scorer,
    store,
    log: deps.log,
    halfLifeMs: options.halfLifeS * 1000,
    windowMs: options.windowS * 1000,
    historyKeepMs: 30 * 86_400_000,
    nowMs,
  });
  const app = createApp({
    keys,
    limiter: new KeyedTokenBuckets({
      capacity: options.rateCapacity,
      refillPerSecond: options.ratePerS,
      nowMs,
    }),
    reader: new SentimentReader(store, options.ttlS, nowMs),
    rules,
    collectors,
    log: deps.log,
  });
  return {
    app,
    pipeline,
    store,
    close: async () => {
      await pipeline.stop();
      await deps.scorer.close();
      store.close();
    },
  };
}
