/**
 * Checks an ONNX sentiment model against its models/manifest.json entry and against what this
 * code expects, before any session runs: sha256 of the bytes, the graph's input/output names,
 * types and shapes, the IR/opset, the feature spec (tokenizer version, hash, buckets, n-grams)
 * and the class order. Any difference throws ModelRejectedError naming the field.
 */
import { createHash } from 'node:crypto';
import type { ManifestEntry, ManifestTensor } from '@pt/models/manifest';
import { decodeModel } from '@pt/models/onnx';
import { FEATURE_SPEC, SENTIMENT_CLASSES, SENTIMENT_INPUTS, SENTIMENT_OUTPUTS } from '@pt/models/sentiment';

export class ModelRejectedError extends Error {
  override name = 'ModelRejectedError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`model rejected (${field}): ${message}`);
  }
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

interface Tensor {
  readonly name: string;
  readonly type: ManifestTensor['type'];
  readonly shape: readonly (number | string)[];
}
const normalise = (tensors: readonly Tensor[]): Tensor[] =>
  tensors.map((t) => ({ name: t.name, type: t.type, shape: [...t.shape] }));

const ELEMENT_TYPES: Record<number, ManifestTensor['type']> = { 1: 'float', 6: 'int32', 7: 'int64' };

/** The graph's declared inputs or outputs, in manifest form. */
function graphTensors(
  values: readonly {
    name?: string | null;
    type?: {
      tensorType?: {
        elemType?: number | null;
        shape?: { dim?: { dimValue?: unknown; dimParam?: string | null }[] | null } | null;
      } | null;
    } | null;
  }[],
): Tensor[] {
  return values.map((v) => ({
    name: v.name ?? '',
    type: ELEMENT_TYPES[v.type?.tensorType?.elemType ?? 0] ?? 'float',
    shape: (v.type?.tensorType?.shape?.dim ?? []).map((d) => (d.dimParam ? d.dimParam : Number(d.dimValue))),
  }));
}

export function verifySentimentModel(bytes: Uint8Array, entry: ManifestEntry): void {
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (digest !== entry.sha256)
    throw new ModelRejectedError('sha256', `file hashes to ${digest}, manifest says ${entry.sha256}`);
  if (!same(entry.features, FEATURE_SPEC)) {
    throw new ModelRejectedError(
      'features',
      `manifest ${JSON.stringify(entry.features)} ≠ code ${JSON.stringify(FEATURE_SPEC)}`,
    );
  }
  if (!same(entry.classes, SENTIMENT_CLASSES))
    throw new ModelRejectedError('classes', `expected ${SENTIMENT_CLASSES.join(',')}`);
  if (!same(normalise(entry.inputs), normalise(SENTIMENT_INPUTS)))
    throw new ModelRejectedError('inputs', 'manifest inputs differ from the scorer contract');
  if (!same(normalise(entry.outputs), normalise(SENTIMENT_OUTPUTS)))
    throw new ModelRejectedError('outputs', 'manifest outputs differ from the scorer contract');
  const model = decodeModel(bytes);
  const graph = model.graph;
  if (!same(graphTensors(graph?.input ?? []), normalise(entry.inputs)))
    throw new ModelRejectedError('inputs', 'graph inputs differ from the manifest');
  if (!same(graphTensors(graph?.output ?? []), normalise(entry.outputs)))
    throw new ModelRejectedError('outputs', 'graph outputs differ from the manifest');
  if (Number(model.irVersion) !== entry.format.irVersion)
    throw new ModelRejectedError('format.irVersion', `graph IR ${Number(model.irVersion)}`);
  const opset = Number(model.opsetImport.find((o) => !o.domain)?.version);
  if (opset !== entry.format.opset) throw new ModelRejectedError('format.opset', `graph opset ${opset}`);
  const featureSpec = model.metadataProps.find((p) => p.key === 'feature_spec')?.value ?? undefined;
  if (featureSpec === undefined || !same(JSON.parse(featureSpec) as unknown, FEATURE_SPEC)) {
    throw new ModelRejectedError('features', 'the feature spec stored in the model differs from the code');
  }
}
