/**
 * @module agent/src/ml — ONNX models at run time: verified against models/manifest.json before a
 * session opens (sha256, shapes, feature spec; refusals name the field), flagged stale past a
 * configurable age (gate closed, with a reason), identified by name + version + sha256 for
 * decision records, and summarised as one health entry.
 */
export { AGENT_MODELS } from './agent-models.js';
export { ModelInputError, ModelRejectedError } from './errors.js';
export { DEFAULT_MODEL_MAX_AGE_MS, loadModel } from './load-model.js';
export type { LoadModelOptions } from './load-model.js';
export { LoadedModel } from './loaded-model.js';
export type { ModelGate, ModelIdentity } from './loaded-model.js';
export { ModelRegistry } from './model-registry.js';
export type { ModelRequest, ModelStatus, ModelsHealth, RegistryOptions } from './model-registry.js';
export { MarketSignals } from './market-signals.js';
export type { MarketSignal } from './market-signals.js';
export { SignalModel } from './signal-model.js';
export type { SignalPrediction } from './signal-model.js';
export { verifyModelBytes } from './verify-model.js';
