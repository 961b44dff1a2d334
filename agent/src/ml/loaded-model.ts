/**
 * A verified ONNX model with its onnxruntime session: its identity for decision records, its age
 * against a configurable maximum (a stale model closes its gate, with a reason for the UI), and a
 * raw `run`. Built only by loadModel, after the file matched its manifest entry.
 */
import type { ManifestEntry } from '@pt/models/manifest';
import type * as ort from 'onnxruntime-node';

/** What a decision record stores about the model it used. */
export interface ModelIdentity {
  readonly name: string;
  readonly version: string;
  readonly sha256: string;
}

export type ModelGate =
  { readonly open: true; readonly reason: null } | { readonly open: false; readonly reason: string };

const DAY_MS = 86_400_000;
const days = (ms: number): string => `${(ms / DAY_MS).toFixed(1)} days`;

export class LoadedModel {
  readonly identity: ModelIdentity;
  readonly trainedAtMs: number;

  constructor(
    private readonly session: ort.InferenceSession,
    readonly entry: ManifestEntry,
    private readonly maxAgeMs: number,
    private readonly now: () => number,
  ) {
    this.identity = { name: entry.name, version: entry.version, sha256: entry.sha256 };
    this.trainedAtMs = Date.parse(entry.trainedAt);
  }

  ageMs(): number {
    return this.now() - this.trainedAtMs;
  }

  /** Closed when the model is older than the configured maximum age. */
  gate(): ModelGate {
    const age = this.ageMs();
    if (age <= this.maxAgeMs) return { open: true, reason: null };
    return {
      open: false,
      reason: `model ${this.entry.name}@${this.entry.version} is stale: trained ${this.entry.trainedAt}, ${days(age)} ago (max ${days(this.maxAgeMs)}); retrain with npm run train`,
    };
  }

  run(feeds: Record<string, ort.Tensor>): Promise<ort.InferenceSession.OnnxValueMapType> {
    return this.session.run(feeds);
  }

  close(): Promise<void> {
    return this.session.release();
  }
}
