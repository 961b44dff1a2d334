/**
 * gzip for the text files of the build (JS, CSS, HTML, JSON, SVG), compressed once per file
 * version and kept in memory: the whole build is a few hundred KB. Loopback needs no compression
 * for speed, but an installed PWA and Lighthouse's throttled load do.
 */
import { gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.json',
  '.webmanifest',
  '.svg',
  '.map',
  '.txt',
]);
/** Smaller files gain nothing worth the header. */
const MIN_BYTES = 1024;

export function isCompressible(extension: string, bytes: number): boolean {
  return bytes >= MIN_BYTES && COMPRESSIBLE.has(extension.toLowerCase());
}

/** True when the client lists gzip with a non-zero q (RFC 9110 §12.5.3). */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  return header.split(',').some((part) => {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

export class GzipCache {
  private readonly entries = new Map<string, { version: string; bytes: Buffer }>();

  /** `version` (size + mtime) invalidates an entry when the build changes under a running agent. */
  get(file: string, version: string, raw: Buffer): Buffer {
    const known = this.entries.get(file);
    if (known?.version === version) return known.bytes;
    const bytes = gzipSync(raw, { level: 9 });
    this.entries.set(file, { version, bytes });
    return bytes;
  }
}
