/**
 * Initial JS of the build: every script and modulepreload that web/dist/index.html loads before
 * anything else, gzipped (level 9, as the agent's static server may send it) and summed.
 * Lazy chunks (the chart) and the stream worker are not initial.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  readonly files: readonly string[];
  readonly gzipBytes: number;
  readonly rawBytes: number;
}

export function initialJsSize(distDir: string): BundleSize {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((m) => m[1] ?? '');
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const ref of refs) {
    const bytes = readFileSync(join(distDir, ref.replace(/^\//, '')));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: refs, gzipBytes, rawBytes };
}
