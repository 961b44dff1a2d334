/**
 * @module @pt/models/signal — what the strategies need at run time, pure (no I/O, no onnxruntime):
 * the SAME feature code as training (`SignalFeatureWindow` per market, `featuresAt`), the ordered
 * feature names, the label definition and the model's identity in the manifest. The agent's
 * loader (agent/src/ml) runs the model; strategies only build the feature vector.
 */
export {
  SIGNAL_FEATURES,
  SIGNAL_FEATURE_VERSION,
  SignalFeatureWindow,
  appendQuote,
  featuresAt,
  quoteFromBook,
  quoteFromTrade,
} from './features.js';
export type { FeatureVector, Quote, SignalFeatureName } from './features.js';
export { DEFAULT_LABEL, SIGNAL_TARGETS } from './dataset.js';
export type { LabelSpec, SignalTarget } from './dataset.js';
export {
  SIGNAL_CLASSES,
  SIGNAL_FEATURE_SPEC,
  SIGNAL_INPUT,
  SIGNAL_MODEL_FILE,
  SIGNAL_MODEL_NAME,
  SIGNAL_MODEL_VERSION,
  SIGNAL_OUTPUT,
} from './model-info.js';
