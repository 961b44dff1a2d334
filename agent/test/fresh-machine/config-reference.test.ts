/**
 * docs/configuration.md lists every agent flag, config.json field and risk setting the code has:
 * the lists below are read from the code (the usage text, the zod schemas, the defaults), so a new
 * flag or field without a line in the reference fails here.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_SETTINGS } from '@pt/protocol';
import { USAGE } from '../../src/config/command-line.js';
import { ConfigFile, SimVenueConfig, VibeConfig } from '../../src/config/schema.js';

const REPO = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
const reference = readFileSync(join(REPO, 'docs', 'configuration.md'), 'utf8');

describe('docs/configuration.md', () => {
  it('names every flag of the agent’s usage text', () => {
    const flags = [...new Set(USAGE.match(/--[a-z][a-z-]*/g) ?? [])];
    expect(flags.length).toBeGreaterThan(8);
    expect(flags.filter((flag) => !reference.includes(`\`${flag}`))).toEqual([]);
  });

  it('names every config.json field, nested ones as parent.child', () => {
    const nested: Record<string, readonly string[]> = {
      vibe: Object.keys(VibeConfig.shape),
      simVenue: Object.keys(SimVenueConfig.shape),
    };
    const fields = Object.keys(ConfigFile.shape).flatMap((key) =>
      (nested[key] ?? ['']).map((child) => (child === '' ? key : `${key}.${child}`)),
    );
    expect(fields).toContain('vibe.minHealthyShare');
    expect(fields.filter((field) => !reference.includes(`\`${field}\``))).toEqual([]);
  });

  it('names every risk setting', () => {
    const settings = Object.keys(DEFAULT_RISK_SETTINGS);
    expect(settings.filter((setting) => !reference.includes(`\`${setting}\``))).toEqual([]);
  });
});
