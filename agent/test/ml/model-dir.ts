/** Test helper: a temp copy of the committed models (manifest + both ONNX files) to tamper with. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MODELS_DIR, type Manifest } from '@pt/models/manifest';

export function copyModels(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pt-ml-'));
  for (const file of ['manifest.json', 'sentiment/model.onnx', 'signal/model.onnx']) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(join(MODELS_DIR, file), join(dir, file));
  }
  return dir;
}

export function editManifest(dir: string, edit: (m: Manifest) => void): void {
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  edit(manifest);
  writeFileSync(path, JSON.stringify(manifest));
}

export function entryOf(m: Manifest, name: string): Manifest['models'][number] {
  const entry = m.models.find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name}`);
  return entry;
}
