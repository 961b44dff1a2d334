import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import {
  ENVIRONMENT_FILE_NAME,
  readPersistedEnvironment,
  resolveStartEnvironment,
  writePersistedEnvironment,
} from './persisted-choice.js';

const logger = pino({ level: 'silent' });
const dataDir = (): string => mkdtempSync(join(tmpdir(), 'pt-env-choice-'));

describe('persisted environment choice', () => {
  it('round-trips through an atomic 0600 file and leaves no temp file behind', () => {
    const dir = dataDir();
    expect(readPersistedEnvironment(dir, logger)).toBeUndefined();
    writePersistedEnvironment(dir, { environment: 'live', changedAtMs: 5 });
    writePersistedEnvironment(dir, { environment: 'demo', changedAtMs: 6 });
    expect(readPersistedEnvironment(dir, logger)).toEqual({ environment: 'demo', changedAtMs: 6 });
    expect(statSync(join(dir, ENVIRONMENT_FILE_NAME)).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual([ENVIRONMENT_FILE_NAME]);
    expect(JSON.parse(readFileSync(join(dir, ENVIRONMENT_FILE_NAME), 'utf8'))).toEqual({
      environment: 'demo',
      changedAtMs: 6,
    });
  });

  it.each([['{ not json'], ['{"environment":"paper","changedAtMs":1}'], ['{"environment":"live"}']])(
    'ignores a file that does not parse: %s',
    (text) => {
      const dir = dataDir();
      writeFileSync(join(dir, ENVIRONMENT_FILE_NAME), text);
      expect(readPersistedEnvironment(dir, logger)).toBeUndefined();
    },
  );
});

describe('resolveStartEnvironment', () => {
  const persisted = { environment: 'demo' as const, changedAtMs: 1 };

  it('--env and PT_ENV beat the persisted choice', () => {
    expect(resolveStartEnvironment({ environment: 'live', environmentSource: 'flag' }, persisted)).toEqual({
      environment: 'live',
      source: 'flag',
    });
    expect(resolveStartEnvironment({ environment: 'sim', environmentSource: 'env' }, persisted)).toEqual({
      environment: 'sim',
      source: 'env',
    });
  });

  it('the persisted choice beats config.json and the default', () => {
    for (const environmentSource of ['file', 'default'] as const) {
      expect(resolveStartEnvironment({ environment: 'live', environmentSource }, persisted)).toEqual({
        environment: 'demo',
        source: 'persisted',
      });
    }
  });

  it('without a persisted choice, config decides', () => {
    expect(resolveStartEnvironment({ environment: 'sim', environmentSource: 'default' }, undefined)).toEqual({
      environment: 'sim',
      source: 'default',
    });
  });
});
