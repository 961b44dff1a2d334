/**
 * @module @pt/models/sentiment — what vibe needs at inference: the SAME tokenizer and hashing as
 * training, the graph's input/output contract, the session runner, the model's identity in the
 * manifest, and the VADER baseline's labelling rule.
 */
export { FEATURE_SPEC, featurize, featureStrings, hashFeature, stemOf } from './features.js';
export type { FeatureSpec, SparseFeatures } from './features.js';
export { TOKENIZER_VERSION, tokenize } from './tokenize.js';
export { SENTIMENT_CLASSES, CLASS_COUNT } from './labels.js';
export type { SentimentClass, ClassIndex, LabelledText } from './labels.js';
export { SENTIMENT_INPUTS, SENTIMENT_OUTPUTS, SENTIMENT_OPSET, toBatch } from './sentiment-graph.js';
export { runSentimentSession } from './run-session.js';
export type { Probabilities } from './run-session.js';
export { predictProbabilities } from './linear-model.js';
export type { LinearWeights } from './linear-model.js';
export { readSentimentWeights } from './read-weights.js';
export { argmax } from './metrics.js';
export { SENTIMENT_MODEL_FILE, SENTIMENT_MODEL_NAME, SENTIMENT_MODEL_VERSION } from './model-info.js';
export { VADER_COMPOUND_THRESHOLD, classFromCompound, vaderScores } from './vader-baseline.js';
export { loadTwitterCsv, DEFAULT_SENTIMENT_DIR } from './data.js';
