/**
 * @module
 * `GET /v1/sentiment`: the agent's decayed view of every topic it polls from vibe (score,
 * confidence after the health cut, effective, age, stale) and its sentiment kill switch, for the
 * browser's overlays. 503 with a clear message when vibe is not configured. Protected.
 */
import { AGENT_SENTIMENT_PATH } from '@pt/protocol';
import type { AgentSentimentResponse, ErrorBody } from '@pt/protocol';
import { Hono } from 'hono';
import type { SentimentMonitor } from '../../sentiment/index.js';
import type { ApiEnv } from '../api-env.js';

type Monitor = Pick<SentimentMonitor, 'signals' | 'killSwitch'>;

const NOT_CONFIGURED: ErrorBody = {
  code: 'CONFIG_INVALID',
  message: 'Sentiment is not configured: add a "vibe" block (url, key file) to the agent config.json',
  details: { field: 'vibe' },
  retryable: false,
};

export function sentimentRoutes(
  monitor: () => Monitor | undefined,
  nowMs: () => number = Date.now,
): Hono<ApiEnv> {
  return new Hono<ApiEnv>().get(AGENT_SENTIMENT_PATH, (c) => {
    c.header('Cache-Control', 'no-store');
    const current = monitor();
    if (current === undefined) return c.json(NOT_CONFIGURED, 503);
    return c.json(sentimentView(current, nowMs()));
  });
}

export function sentimentView(monitor: Monitor, asOfMs: number): AgentSentimentResponse {
  const topics = monitor.signals().map((s) => ({
    topic: s.topic,
    score: s.score,
    confidence: s.confidence,
    effective: s.effective,
    ageMs: Math.round(s.ageMs),
    isStale: s.isStale,
    isHealthCut: s.isHealthCut,
    nItems: s.nItems,
    generatedAtMs: s.generatedAtMs,
    ttlMs: s.ttlMs,
  }));
  return { topics, killSwitch: monitor.killSwitch.state(), asOfMs };
}
