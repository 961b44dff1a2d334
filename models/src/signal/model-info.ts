/** The signal model's identity in models/manifest.json and its ONNX contract (no I/O). */
import { DEFAULT_LABEL } from './dataset.js';
import { SIGNAL_FEATURES, SIGNAL_FEATURE_VERSION } from './features.js';

export const SIGNAL_MODEL_NAME = 'signal-up-logreg';
export const SIGNAL_MODEL_VERSION = '1.0.0';
export const SIGNAL_MODEL_FILE = 'signal/model.onnx';
export const SIGNAL_OPSET = 13;
export const SIGNAL_INPUT = 'features';
export const SIGNAL_OUTPUT = 'probability';

/** What the manifest's `features` holds for this model: the ordered names and the label. */
export const SIGNAL_FEATURE_SPEC = {
  builder: 'pt-signal-features',
  builderVersion: SIGNAL_FEATURE_VERSION,
  names: [...SIGNAL_FEATURES],
  label: `mid rises >= ${DEFAULT_LABEL.upTicks} ticks within ${DEFAULT_LABEL.horizonMinutes} min`,
  upTicks: DEFAULT_LABEL.upTicks,
  horizonMinutes: DEFAULT_LABEL.horizonMinutes,
};
