/** Sentiment state changes as activity-feed entries (kind `sentiment`). */
import type { ActivityInput } from '../activity/index.js';
import type { KillSwitchState } from './kill-switch.js';

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

export function killSwitchActivity(state: KillSwitchState, previous: KillSwitchState): ActivityInput {
  if (state.isEngaged) {
    return {
      kind: 'sentiment',
      severity: 'warning',
      message: `Sentiment kill switch engaged (${state.reason.replace(/_/g, ' ')}): ${state.detail}. Sentiment strategies open no new positions; existing positions keep their exits.`,
      atMs: state.sinceMs,
    };
  }
  return {
    kind: 'sentiment',
    severity: 'info',
    message: `Sentiment kill switch released after ${seconds(state.sinceMs - previous.sinceMs)}: fresh data from vibe.`,
    atMs: state.sinceMs,
  };
}

export function topicStaleActivity(
  topic: string,
  isStale: boolean,
  ageMs: number,
  atMs: number,
): ActivityInput {
  return isStale
    ? {
        kind: 'sentiment',
        severity: 'warning',
        message: `Sentiment for ${topic} is stale (${seconds(ageMs)} old, past its ttl): treated as neutral.`,
        atMs,
      }
    : { kind: 'sentiment', severity: 'info', message: `Sentiment for ${topic} is fresh again.`, atMs };
}
