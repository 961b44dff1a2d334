/**
 * @module
 * Sentiment on the agent side (issue 9): the vibe client, the decay protocol and the sentiment
 * kill switch. Strategies read `monitor.signal(topic)` and must open no new sentiment-driven
 * position while `monitor.killSwitch.isEngaged`. See README.md.
 */
export { VibeClient } from './vibe-client.js';
export type { VibeClientOptions, VibeFailure, VibeFetchResult } from './vibe-client.js';
export { DEFAULT_DECAY_POLICY, decaySignal, healthyShare } from './decay.js';
export type { DecayedSignal, DecayPolicy } from './decay.js';
export { SentimentKillSwitch } from './kill-switch.js';
export type { KillReason, KillSwitchListener, KillSwitchState } from './kill-switch.js';
export { SentimentMonitor } from './sentiment-monitor.js';
export type { SentimentMonitorOptions } from './sentiment-monitor.js';
export { killSwitchActivity, topicStaleActivity } from './sentiment-activity.js';
export { createSentimentMonitor, DEFAULT_SENTIMENT_TOPICS } from './create-monitor.js';
export type { SentimentSettings } from './create-monitor.js';
