/**
 * models/manifest.json: one entry per exported model — file, sha256, ONNX format, input/output
 * names and shapes, feature spec, training provenance and metrics. Consumers (vibe's scorer,
 * agent/src/ml) parse it with ManifestSchema and refuse a model that does not match its entry.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** `<repo>/models/` (this file is models/src/manifest.ts). */
export const MODELS_DIR = fileURLToPath(new URL('../', import.meta.url));
export const MANIFEST_PATH = fileURLToPath(new URL('../manifest.json', import.meta.url));

export const TensorSchema = z.object({
  name: z.string().min(1),
  type: z.enum(['float', 'int32', 'int64']),
  /** A string is a symbolic dimension (any size), a number a fixed one. */
  shape: z.array(z.union([z.number().int().positive(), z.string().min(1)])),
});
export type ManifestTensor = z.infer<typeof TensorSchema>;

export const ManifestEntrySchema = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and dashes'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'semver x.y.z'),
  /** Path relative to models/. */
  file: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hex digits'),
  bytes: z.number().int().positive(),
  format: z.object({ irVersion: z.number().int(), opset: z.number().int().min(13).max(17) }),
  inputs: z.array(TensorSchema).min(1),
  outputs: z.array(TensorSchema).min(1),
  /** Model-specific feature description (the sentiment model: its FeatureSpec). */
  features: z.record(z.string(), z.unknown()),
  classes: z.array(z.string()).optional(),
  trainedAt: z.iso.datetime(),
  trainingData: z.array(
    z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), rows: z.number().int() }),
  ),
  training: z.record(z.string(), z.unknown()),
  metrics: z.record(z.string(), z.unknown()),
});
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

export const ManifestSchema = z.object({ schemaVersion: z.literal(1), models: z.array(ManifestEntrySchema) });
export type Manifest = z.infer<typeof ManifestSchema>;

export function parseManifest(json: unknown, source = 'manifest'): Manifest {
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${source}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export function readManifest(path = MANIFEST_PATH): Manifest {
  if (!existsSync(path)) return { schemaVersion: 1, models: [] };
  return parseManifest(JSON.parse(readFileSync(path, 'utf8')), path);
}

export function findEntry(manifest: Manifest, name: string): ManifestEntry {
  const entry = manifest.models.find((m) => m.name === name);
  if (!entry) throw new Error(`no model named ${name} in the manifest`);
  return entry;
}

/** Replaces (or adds) one entry, keeping the others and their order. */
export function writeManifestEntry(entry: ManifestEntry, path = MANIFEST_PATH): void {
  const manifest = readManifest(path);
  const index = manifest.models.findIndex((m) => m.name === entry.name);
  const models =
    index >= 0 ? manifest.models.map((m, i) => (i === index ? entry : m)) : [...manifest.models, entry];
  writeFileSync(path, `${JSON.stringify({ schemaVersion: 1, models }, null, 2)}\n`);
}
