/**
 * The production scorer: the ONNX sentiment classifier from models/ run with onnxruntime-node.
 * Tokenization and hashing are models/'s own code (the same as at training); the model file is
 * verified against models/manifest.json before a session is created.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { MANIFEST_PATH, findEntry, readManifest } from '@pt/models/manifest';
import { FEATURE_SPEC, SENTIMENT_MODEL_NAME, argmax, runSentimentSession } from '@pt/models/sentiment';
import { SENTIMENT_LABELS, type Scorer, type SentimentScore } from './types.js';
import { verifySentimentModel } from './verify-model.js';

export interface OnnxSentimentScorerOptions {
  /** models/manifest.json to trust; the model file is resolved relative to it. Default: the repo's. */
  readonly manifestPath?: string;
  /** Manifest entry name. Default: `sentiment-hash-logreg`. */
  readonly modelName?: string;
  /** Texts per session.run. Default 256. */
  readonly batchSize?: number;
}

export class OnnxSentimentScorer implements Scorer {
  private constructor(
    private readonly session: ort.InferenceSession,
    readonly modelId: string,
    private readonly batchSize: number,
  ) {}

  /** Reads the manifest, verifies the model (ModelRejectedError if it differs), opens a session. */
  static async load(options: OnnxSentimentScorerOptions = {}): Promise<OnnxSentimentScorer> {
    const manifestPath = options.manifestPath ?? MANIFEST_PATH;
    const entry = findEntry(readManifest(manifestPath), options.modelName ?? SENTIMENT_MODEL_NAME);
    const bytes = new Uint8Array(await readFile(join(dirname(manifestPath), entry.file)));
    verifySentimentModel(bytes, entry);
    const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
    return new OnnxSentimentScorer(session, `${entry.name}@${entry.version}`, options.batchSize ?? 256);
  }

  async score(texts: readonly string[]): Promise<SentimentScore[]> {
    const out: SentimentScore[] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      const probabilities = await runSentimentSession(
        this.session,
        texts.slice(start, start + this.batchSize),
        FEATURE_SPEC,
      );
      for (const p of probabilities) {
        out.push({ label: SENTIMENT_LABELS[argmax(p)], probabilities: p, polarity: p[2] - p[0] });
      }
    }
    return out;
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}
