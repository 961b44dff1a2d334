/**
 * The models the agent loads, each with the feature spec of the code that feeds it: the sentiment
 * classifier (vibe runs it; the agent verifies it for the health view) and the strategies' signal
 * model. Pass to ModelRegistry.load({ models: AGENT_MODELS, maxAgeMs }).
 */
import { FEATURE_SPEC, SENTIMENT_MODEL_NAME } from '@pt/models/sentiment';
import { SIGNAL_FEATURE_SPEC, SIGNAL_MODEL_NAME } from '@pt/models/signal';
import type { ModelRequest } from './model-registry.js';

export const AGENT_MODELS: readonly ModelRequest[] = [
  { name: SENTIMENT_MODEL_NAME, expectedFeatures: FEATURE_SPEC },
  { name: SIGNAL_MODEL_NAME, expectedFeatures: SIGNAL_FEATURE_SPEC },
];
