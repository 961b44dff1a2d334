/**
 * Loads one model named in models/manifest.json: parse the manifest (zod; errors name the field),
 * find the entry, read the file (which must stay inside the models directory), verify it against
 * the entry and the caller's expected feature spec, then open the onnxruntime session on the very
 * bytes that were verified. Any mismatch throws ModelRejectedError naming the field.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { MODELS_DIR, parseManifest } from '@pt/models/manifest';
import * as ort from 'onnxruntime-node';
import { ModelRejectedError } from './errors.js';
import { LoadedModel } from './loaded-model.js';
import { verifyModelBytes } from './verify-model.js';

/** Default maximum model age before its gate closes (configurable per load). */
export const DEFAULT_MODEL_MAX_AGE_MS = 30 * 86_400_000;

export interface LoadModelOptions {
  readonly name: string;
  /** Directory holding manifest.json and the model files (default: the repo's models/). */
  readonly modelsDir?: string;
  /** The feature spec the calling code builds; must equal the manifest's `features`. */
  readonly expectedFeatures?: unknown;
  readonly maxAgeMs?: number;
  readonly now?: () => number;
}

export async function loadModel(options: LoadModelOptions): Promise<LoadedModel> {
  const modelsDir = resolve(options.modelsDir ?? MODELS_DIR);
  const reject = (field: string, detail: string): never => {
    throw new ModelRejectedError(options.name, field, detail);
  };
  const manifestPath = join(modelsDir, 'manifest.json');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (err) {
    return reject('manifest', `${manifestPath}: ${err instanceof Error ? err.message : String(err)}`);
  }
  let manifest: ReturnType<typeof parseManifest>;
  try {
    manifest = parseManifest(json, manifestPath);
  } catch (err) {
    return reject('manifest', err instanceof Error ? err.message : String(err));
  }
  const entry = manifest.models.find((m) => m.name === options.name);
  if (!entry) return reject('name', `no model named ${options.name} in ${manifestPath}`);
  const path = resolve(modelsDir, entry.file);
  const inside = relative(modelsDir, path);
  if (inside.startsWith('..') || isAbsolute(inside)) reject('file', `${entry.file} is outside ${modelsDir}`);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    return reject('file', `${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  verifyModelBytes(bytes, entry, options.expectedFeatures);
  const session = await ort.InferenceSession.create(bytes);
  const names = (list: readonly string[]): string => JSON.stringify([...list]);
  if (names(session.inputNames) !== names(entry.inputs.map((t) => t.name))) {
    await session.release();
    reject('inputs', `session inputs ${names(session.inputNames)}`);
  }
  if (names(session.outputNames) !== names(entry.outputs.map((t) => t.name))) {
    await session.release();
    reject('outputs', `session outputs ${names(session.outputNames)}`);
  }
  return new LoadedModel(
    session,
    entry,
    options.maxAgeMs ?? DEFAULT_MODEL_MAX_AGE_MS,
    options.now ?? Date.now,
  );
}
