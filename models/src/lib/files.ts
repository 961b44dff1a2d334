/**
 * Small file helpers for the training scripts: sha256 of bytes or of a file, README sections, and
 * formatting written files with the repo's prettier config (so `npm run lint` passes on them).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function sha256File(path: string): string {
  return sha256(readFileSync(path));
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->` in a markdown file. */
export function replaceMarkedSection(path: string, name: string, body: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const text = readFileSync(path, 'utf8');
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${path}: no ${start} … ${end} section`);
  writeFileSync(path, `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`);
}

/** Rewrites a file as prettier formats it (JSON, markdown: inferred from the extension). */
export async function prettify(path: string): Promise<void> {
  const config = (await resolveConfig(path)) ?? {};
  writeFileSync(path, await format(readFileSync(path, 'utf8'), { ...config, filepath: path }));
}
