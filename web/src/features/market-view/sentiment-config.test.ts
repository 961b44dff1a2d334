import { describe, expect, it } from 'vitest';
import { sentimentConfig } from './sentiment-config.js';

describe('sentimentConfig', () => {
  it('is unknown until the health has arrived', () => {
    expect(sentimentConfig(null)).toEqual({ kind: 'unknown' });
    expect(sentimentConfig(undefined)).toEqual({ kind: 'unknown' });
  });
  it('reads the agent’s "not configured" sentiment light (no vibe block)', () => {
    // The exact component the agent's health builds without vibe (agent/src/environment/health-detail.ts).
    expect(
      sentimentConfig({ light: 'amber', detail: 'Sentiment not configured', sinceMs: 1_700_000_000_000 }),
    ).toEqual({ kind: 'not_configured', detail: 'Sentiment not configured' });
  });
  it('any other sentiment light means vibe is configured (reachable or not)', () => {
    for (const detail of [
      'vibe unreachable for 5 min; sentiment strategies not opening positions',
      'fresh',
    ]) {
      expect(sentimentConfig({ light: 'red', detail, sinceMs: 1_700_000_000_000 })).toEqual({
        kind: 'configured',
      });
    }
  });
});
