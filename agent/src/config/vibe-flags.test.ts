import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AgentError } from '../lib/errors.js';
import { vibeFromFlags } from './vibe-flags.js';

function keyFile(content: string, mode: number): string {
  const file = join(mkdtempSync(join(tmpdir(), 'pt-vibe-key-')), 'vibe.key');
  writeFileSync(file, content);
  chmodSync(file, mode);
  return file;
}

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (err) {
    if (err instanceof AgentError) return (err.details as { field?: string } | undefined)?.field;
    throw err;
  }
  return undefined;
}

describe('vibeFromFlags', () => {
  it('reads the key from a private file and takes the url from the flag', () => {
    const file = keyFile('  s3cret-key\n', 0o600);
    expect(vibeFromFlags({ vibeUrl: 'http://127.0.0.1:7001', vibeKeyFile: file }, undefined, '/')).toEqual({
      vibe: { url: 'http://127.0.0.1:7001', apiKey: 's3cret-key' },
    });
  });

  it("keeps the config file's tuning options and lets the flags win", () => {
    const file = keyFile('k', 0o600);
    const fromFile = { url: 'http://10.0.0.1:1', apiKey: 'old', halfLifeS: 900 };
    expect(vibeFromFlags({ vibeUrl: 'http://127.0.0.1:2', vibeKeyFile: file }, fromFile, '/')).toEqual({
      vibe: { url: 'http://127.0.0.1:2', apiKey: 'k', halfLifeS: 900 },
    });
    expect(vibeFromFlags({}, fromFile, '/')).toEqual({ vibe: fromFile });
    expect(vibeFromFlags({}, undefined, '/')).toEqual({});
  });

  it('refuses a key file other users can read, an empty or missing one, naming the flag', () => {
    const url = 'http://127.0.0.1:7001';
    expect(
      fieldOf(() => vibeFromFlags({ vibeUrl: url, vibeKeyFile: keyFile('k', 0o644) }, undefined, '/')),
    ).toBe('--vibe-key-file');
    expect(
      fieldOf(() => vibeFromFlags({ vibeUrl: url, vibeKeyFile: keyFile('\n', 0o600) }, undefined, '/')),
    ).toBe('--vibe-key-file');
    expect(
      fieldOf(() => vibeFromFlags({ vibeUrl: url, vibeKeyFile: '/nope/vibe.key' }, undefined, '/')),
    ).toBe('--vibe-key-file');
  });

  it('refuses a key file without a url, and a url that is not http(s)', () => {
    expect(fieldOf(() => vibeFromFlags({ vibeKeyFile: keyFile('k', 0o600) }, undefined, '/'))).toBe(
      '--vibe-url',
    );
    expect(fieldOf(() => vibeFromFlags({ vibeUrl: 'ftp://x' }, undefined, '/'))).toBe('--vibe-url');
  });
});
