/**
 * The strategies' signal model at run time: loads `signal-move-logreg` through loadModel with the
 * feature spec of @pt/models/signal (the same feature code as training), and predicts P(the mid
 * rises ≥ k ticks within h minutes) and P(it falls ≥ k ticks) for one feature vector, after
 * checking the vector's names and order against the manifest. A stale model answers
 * with its gate closed and the reason (an expected outcome, not an error).
 */
import {
  SIGNAL_CLASSES,
  SIGNAL_FEATURE_SPEC,
  SIGNAL_INPUT,
  SIGNAL_MODEL_NAME,
  SIGNAL_OUTPUT,
} from '@pt/models/signal';
import type { FeatureVector } from '@pt/models/signal';
import * as ort from 'onnxruntime-node';
import { ModelInputError } from './errors.js';
import { loadModel, type LoadModelOptions } from './load-model.js';
import type { LoadedModel, ModelGate, ModelIdentity } from './loaded-model.js';
import type { ModelRegistry } from './model-registry.js';

export type SignalPrediction =
  | {
      readonly kind: 'predicted';
      /** P(mid rises ≥ k ticks within h minutes) and P(it falls ≥ k ticks): not complements. */
      readonly probabilityUp: number;
      readonly probabilityDown: number;
      readonly model: ModelIdentity;
    }
  | { readonly kind: 'gate-closed'; readonly reason: string; readonly model: ModelIdentity };

export class SignalModel {
  private readonly names: readonly string[];

  constructor(readonly model: LoadedModel) {
    const names = (model.entry.features as { names?: unknown }).names;
    if (!Array.isArray(names) || !names.every((n) => typeof n === 'string'))
      throw new ModelInputError(model.entry.name, 'features.names', 'the manifest lists no feature names');
    this.names = names;
  }

  static async load(options: Omit<LoadModelOptions, 'name' | 'expectedFeatures'> = {}): Promise<SignalModel> {
    return new SignalModel(
      await loadModel({ ...options, name: SIGNAL_MODEL_NAME, expectedFeatures: SIGNAL_FEATURE_SPEC }),
    );
  }

  /** The registry's verified signal model, or null when it was refused or not requested. */
  static fromRegistry(registry: ModelRegistry): SignalModel | null {
    const model = registry.get(SIGNAL_MODEL_NAME);
    return model ? new SignalModel(model) : null;
  }

  get identity(): ModelIdentity {
    return this.model.identity;
  }

  /** The ordered feature names the model takes (from the manifest). */
  get featureNames(): readonly string[] {
    return this.names;
  }

  gate(): ModelGate {
    return this.model.gate();
  }

  async predict(vector: FeatureVector): Promise<SignalPrediction> {
    const { name } = this.model.entry;
    if (vector.names.length !== this.names.length)
      throw new ModelInputError(
        name,
        'names',
        `${vector.names.length} features, the model takes ${this.names.length}`,
      );
    this.names.forEach((expected, i) => {
      if (vector.names[i] !== expected)
        throw new ModelInputError(
          name,
          `names[${i}]`,
          `got ${String(vector.names[i])}, the model expects ${expected}`,
        );
    });
    if (vector.values.length !== this.names.length)
      throw new ModelInputError(
        name,
        'values',
        `${vector.values.length} values for ${this.names.length} names`,
      );
    vector.values.forEach((v, i) => {
      if (!Number.isFinite(v)) throw new ModelInputError(name, `values[${i}]`, `${this.names[i]} is ${v}`);
    });
    const gate = this.model.gate();
    if (!gate.open) return { kind: 'gate-closed', reason: gate.reason, model: this.identity };
    const input = new ort.Tensor('float32', Float32Array.from(vector.values), [1, this.names.length]);
    const out = await this.model.run({ [SIGNAL_INPUT]: input });
    const p = out[SIGNAL_OUTPUT]?.data;
    const up = p instanceof Float32Array ? p[SIGNAL_CLASSES.indexOf('up')] : undefined;
    const down = p instanceof Float32Array ? p[SIGNAL_CLASSES.indexOf('down')] : undefined;
    if (up === undefined || down === undefined || !Number.isFinite(up) || !Number.isFinite(down))
      throw new Error(`model ${name} returned no probabilities`);
    return { kind: 'predicted', probabilityUp: up, probabilityDown: down, model: this.identity };
  }
}
