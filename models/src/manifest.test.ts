/** The manifest schema: the committed file parses, bad entries are refused by field, entries merge. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MANIFEST_PATH,
  parseManifest,
  readManifest,
  writeManifestEntry,
  type ManifestEntry,
} from './manifest.js';

const dir = mkdtempSync(join(tmpdir(), 'pt-manifest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('manifest', () => {
  const committed = readManifest(MANIFEST_PATH);
  const sentiment = committed.models[0] as ManifestEntry;

  it('parses the committed manifest', () => {
    expect(committed.models.map((m) => m.name)).toContain('sentiment-hash-logreg');
  });

  it('refuses a bad sha256 or opset naming the field', () => {
    expect(() => parseManifest({ schemaVersion: 1, models: [{ ...sentiment, sha256: 'abc' }] })).toThrow(
      /sha256/,
    );
    expect(() =>
      parseManifest({ schemaVersion: 1, models: [{ ...sentiment, format: { irVersion: 8, opset: 18 } }] }),
    ).toThrow(/opset/);
  });

  it('replaces an entry by name and keeps the others', () => {
    const path = join(dir, 'manifest.json');
    writeFileSync(path, JSON.stringify({ schemaVersion: 1, models: [{ ...sentiment, name: 'other' }] }));
    writeManifestEntry(sentiment, path);
    writeManifestEntry({ ...sentiment, version: '1.0.1' }, path);
    expect(readManifest(path).models.map((m) => [m.name, m.version])).toEqual([
      ['other', sentiment.version],
      [sentiment.name, '1.0.1'],
    ]);
  });
});
