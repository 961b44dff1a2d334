/**
 * Whether the agent has sentiment (vibe) configured, read from the health it already streams, so
 * the market view never asks `GET /v1/sentiment` of an agent that would answer 503 (a failed
 * request is a console error in every browser). The agent's health says "Sentiment not configured"
 * on its sentiment component when it runs without a vibe block.
 */
import type { ComponentHealth } from '@pt/protocol';

export type SentimentConfig =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'not_configured'; readonly detail: string }
  | { readonly kind: 'configured' };

const NOT_CONFIGURED = /not configured/i;

export function sentimentConfig(component: ComponentHealth | null | undefined): SentimentConfig {
  if (component === null || component === undefined) return { kind: 'unknown' };
  if (NOT_CONFIGURED.test(component.detail)) return { kind: 'not_configured', detail: component.detail };
  return { kind: 'configured' };
}
