/**
 * Builds the agent's sentiment monitor from the `vibe` block of config.json (url, apiKey and the
 * optional tuning fields), with the defaults of the decay protocol. The wiring calls this once and
 * starts it; nothing here starts by itself.
 */
import type { Logger } from 'pino';
import type { ActivityInput } from '../activity/index.js';
import { DEFAULT_DECAY_POLICY } from './decay.js';
import { SentimentMonitor } from './sentiment-monitor.js';
import { VibeClient } from './vibe-client.js';

/** The topics vibe serves by default (its topic rules); config may narrow or extend them. */
export const DEFAULT_SENTIMENT_TOPICS = [
  'cpi',
  'fed',
  'payrolls',
  'oil',
  'weather.nyc',
  'nba.lac',
  'nba.cha',
  'nba.nyk',
  'nba.lal',
  'nba.bos',
  'nba.gsw',
  'nba',
] as const;

export interface SentimentSettings {
  url: string;
  apiKey?: string | undefined;
  topics?: readonly string[] | undefined;
  pollIntervalS?: number | undefined;
  halfLifeS?: number | undefined;
  killAfterS?: number | undefined;
  staleLimitS?: number | undefined;
  minHealthyShare?: number | undefined;
}

export function createSentimentMonitor(
  settings: SentimentSettings,
  deps: { record: (input: ActivityInput) => Promise<unknown>; logger: Logger; nowMs?: () => number },
): SentimentMonitor {
  const pollIntervalMs = (settings.pollIntervalS ?? 15) * 1000;
  const nowMs = deps.nowMs ?? Date.now;
  return new SentimentMonitor({
    client: new VibeClient({
      url: settings.url,
      ...(settings.apiKey === undefined ? {} : { apiKey: settings.apiKey }),
      timeoutMs: Math.min(10_000, pollIntervalMs),
      nowMs,
    }),
    topics: settings.topics ?? DEFAULT_SENTIMENT_TOPICS,
    pollIntervalMs,
    maxBackoffMs: Math.max(pollIntervalMs, 120_000),
    killAfterMs: (settings.killAfterS ?? 60) * 1000,
    staleLimitMs: (settings.staleLimitS ?? 600) * 1000,
    policy: {
      ...DEFAULT_DECAY_POLICY,
      ...(settings.halfLifeS === undefined ? {} : { halfLifeMs: settings.halfLifeS * 1000 }),
      ...(settings.minHealthyShare === undefined ? {} : { minHealthyShare: settings.minHealthyShare }),
    },
    record: deps.record,
    logger: deps.logger.child({ component: 'sentiment' }),
    nowMs,
  });
}
