/** Name, version and file of the sentiment classifier, as recorded in models/manifest.json. */
export const SENTIMENT_MODEL_NAME = 'sentiment-hash-logreg';
export const SENTIMENT_MODEL_VERSION = '1.3.0';
/** Relative to models/. */
export const SENTIMENT_MODEL_FILE = 'sentiment/model.onnx';
