/** The signal model's identity in models/manifest.json and its ONNX contract (no I/O). */
import { DEFAULT_LABEL, SIGNAL_TARGETS } from './dataset.js';
import { SIGNAL_FEATURES, SIGNAL_FEATURE_VERSION } from './features.js';

export const SIGNAL_MODEL_NAME = 'signal-move-logreg';
export const SIGNAL_MODEL_VERSION = '1.0.0';
export const SIGNAL_MODEL_FILE = 'signal/model.onnx';
export const SIGNAL_OPSET = 13;
export const SIGNAL_INPUT = 'features';
export const SIGNAL_OUTPUT = 'probability';

/** Output columns of `probability`, in order. */
export const SIGNAL_CLASSES = [...SIGNAL_TARGETS];

/** What the manifest's `features` holds for this model: the ordered names and the labels. */
export const SIGNAL_FEATURE_SPEC = {
  builder: 'pt-signal-features',
  builderVersion: SIGNAL_FEATURE_VERSION,
  names: [...SIGNAL_FEATURES],
  label: `probability columns: mid rises (up) / falls (down) by >= ${DEFAULT_LABEL.moveTicks} ticks within ${DEFAULT_LABEL.horizonMinutes} min`,
  moveTicks: DEFAULT_LABEL.moveTicks,
  horizonMinutes: DEFAULT_LABEL.horizonMinutes,
};
