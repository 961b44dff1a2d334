/**
 * Checks an ONNX file against its models/manifest.json entry before any session runs: byte count
 * and sha256, the graph's input/output names, types and shapes, IR version and opset, the feature
 * spec stored in the graph's metadata, and (when the caller states one) the feature spec the
 * calling code was built for. The first difference throws ModelRejectedError naming the field.
 */
import { createHash } from 'node:crypto';
import type { ManifestEntry } from '@pt/models/manifest';
import { decodeModel } from '@pt/models/onnx';
import { ModelRejectedError } from './errors.js';

type Tensor = { name: string; type: string; shape: (number | string)[] };
const ELEMENT_TYPES: Record<number, string> = { 1: 'float', 6: 'int32', 7: 'int64' };
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

interface GraphValue {
  name?: string | null;
  type?: {
    tensorType?: {
      elemType?: number | null;
      shape?: { dim?: { dimValue?: unknown; dimParam?: string | null }[] | null } | null;
    } | null;
  } | null;
}

function tensors(values: readonly GraphValue[]): Tensor[] {
  return values.map((v) => ({
    name: v.name ?? '',
    type: ELEMENT_TYPES[v.type?.tensorType?.elemType ?? 0] ?? `elemType ${v.type?.tensorType?.elemType}`,
    shape: (v.type?.tensorType?.shape?.dim ?? []).map((d) => (d.dimParam ? d.dimParam : Number(d.dimValue))),
  }));
}

const plain = (list: readonly Tensor[]): Tensor[] =>
  list.map((t) => ({ name: t.name, type: t.type, shape: [...t.shape] }));

export function verifyModelBytes(bytes: Uint8Array, entry: ManifestEntry, expectedFeatures?: unknown): void {
  const reject = (field: string, detail: string): never => {
    throw new ModelRejectedError(entry.name, field, detail);
  };
  if (bytes.length !== entry.bytes)
    reject('bytes', `file has ${bytes.length} bytes, manifest says ${entry.bytes}`);
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (digest !== entry.sha256) reject('sha256', `file hashes to ${digest}, manifest says ${entry.sha256}`);
  if (expectedFeatures !== undefined && !same(entry.features, expectedFeatures))
    reject(
      'features',
      `manifest ${JSON.stringify(entry.features)} ≠ code ${JSON.stringify(expectedFeatures)}`,
    );
  let model: ReturnType<typeof decodeModel>;
  try {
    model = decodeModel(bytes);
  } catch (err) {
    return reject('file', `not an ONNX model: ${err instanceof Error ? err.message : String(err)}`);
  }
  const graphInputs = tensors(model.graph?.input ?? []);
  if (!same(graphInputs, plain(entry.inputs)))
    reject(
      'inputs',
      `graph ${JSON.stringify(graphInputs)} ≠ manifest ${JSON.stringify(plain(entry.inputs))}`,
    );
  const graphOutputs = tensors(model.graph?.output ?? []);
  if (!same(graphOutputs, plain(entry.outputs)))
    reject(
      'outputs',
      `graph ${JSON.stringify(graphOutputs)} ≠ manifest ${JSON.stringify(plain(entry.outputs))}`,
    );
  if (Number(model.irVersion) !== entry.format.irVersion)
    reject('format.irVersion', `graph IR ${Number(model.irVersion)}, manifest ${entry.format.irVersion}`);
  const opset = Number(model.opsetImport.find((o) => !o.domain)?.version);
  if (opset !== entry.format.opset)
    reject('format.opset', `graph opset ${opset}, manifest ${entry.format.opset}`);
  const stored = model.metadataProps.find((p) => p.key === 'feature_spec')?.value;
  if (stored === undefined || stored === null) return reject('features', 'the graph stores no feature_spec');
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return reject('features', 'the graph feature_spec is not JSON');
  }
  if (!same(parsed, entry.features))
    reject('features', `graph ${stored} ≠ manifest ${JSON.stringify(entry.features)}`);
}
