/** The trader's time zone in `config.json`: an IANA zone is taken, a made-up one refused naming the field. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { AgentError } from '../../src/lib/errors.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function loadWith(config: unknown) {
  const dir = mkdtempSync(join(tmpdir(), 'pt-portfolio-config-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  return loadConfig({ flags: { dataDir: dir }, env: {}, platform: 'linux', cwd: '/' });
}

describe('config timeZone', () => {
  it('takes an IANA zone and leaves it absent (the system zone) by default', () => {
    expect(loadWith({ timeZone: 'America/New_York' }).timeZone).toBe('America/New_York');
    expect(loadWith({}).timeZone).toBeUndefined();
  });

  it('refuses a zone the platform does not know, naming the field', () => {
    let error: unknown;
    try {
      loadWith({ timeZone: 'Mars/Olympus_Mons' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AgentError);
    expect((error as AgentError).code).toBe('CONFIG_INVALID');
    expect((error as AgentError).message).toContain('timeZone');
  });
});
