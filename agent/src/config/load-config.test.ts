import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { AgentError } from '../lib/errors.js';
import { loadConfig } from './load-config.js';
import type { ConfigEnv, LoadConfigInput } from './load-config.js';
import type { ConfigFlags } from './command-line.js';
import { DEFAULT_PORT } from './schema.js';

function dataDirWith(config?: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'pt-config-'));
  if (config !== undefined) writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  return dir;
}

function load(flags: ConfigFlags, env: ConfigEnv = {}): ReturnType<typeof loadConfig> {
  const input: LoadConfigInput = { flags, env, platform: 'linux', cwd: '/' };
  return loadConfig(input);
}

function errorOf(fn: () => unknown): AgentError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AgentError) return err;
    throw err;
  }
  throw new Error('expected an AgentError');
}

describe('loadConfig precedence', () => {
  it('uses defaults when nothing is given', () => {
    const config = load({}, { HOME: '/home/u' });
    expect(config).toEqual({
      port: DEFAULT_PORT,
      dataDir: '/home/u/.local/share/predictiontrader',
      environment: 'sim',
      environmentSource: 'default',
      logLevel: 'info',
      allowedOrigins: [],
      deviceIdleExpiryDays: 30,
    });
  });

  it('file beats defaults, env beats file, flags beat env', () => {
    const dataDir = dataDirWith({ port: 1111, environment: 'demo', logLevel: 'warn' });
    expect(load({ dataDir })).toMatchObject({
      port: 1111,
      environment: 'demo',
      environmentSource: 'file',
      logLevel: 'warn',
    });
    const env = { PT_PORT: '2222', PT_ENV: 'live', PT_LOG_LEVEL: 'debug' };
    expect(load({ dataDir }, env)).toMatchObject({
      port: 2222,
      environment: 'live',
      environmentSource: 'env',
      logLevel: 'debug',
    });
    const flags = { dataDir, port: '0', env: 'sim', logLevel: 'error' };
    expect(load(flags, env)).toMatchObject({
      port: 0,
      environment: 'sim',
      environmentSource: 'flag',
      logLevel: 'error',
    });
  });

  it('says where the environment came from, so a persisted switch can beat config.json only', () => {
    expect(load({ dataDir: dataDirWith() }).environmentSource).toBe('default');
    expect(load({ dataDir: dataDirWith({ logLevel: 'warn' }) }).environmentSource).toBe('default');
    expect(load({ dataDir: dataDirWith() }, { PT_ENV: '' }).environmentSource).toBe('default');
    expect(load({ dataDir: dataDirWith({ environment: 'sim' }) }).environmentSource).toBe('file');
  });

  it('takes each field from the highest source that sets it', () => {
    const dataDir = dataDirWith({ logLevel: 'warn' });
    expect(load({ dataDir, port: '3333' }, { PT_ENV: 'demo' })).toMatchObject({
      port: 3333,
      environment: 'demo',
      logLevel: 'warn',
      configFile: join(dataDir, 'config.json'),
    });
  });

  it('data dir: flag beats PT_DATA_DIR beats XDG_DATA_HOME beats HOME; relative paths resolve against cwd', () => {
    const env = { PT_DATA_DIR: '/env', XDG_DATA_HOME: '/xdg', HOME: '/home/u' };
    expect(load({ dataDir: '/flag' }, env).dataDir).toBe('/flag');
    expect(load({}, env).dataDir).toBe('/env');
    expect(load({}, { XDG_DATA_HOME: '/xdg', HOME: '/h' }).dataDir).toBe('/xdg/predictiontrader');
    const relative = loadConfig({ flags: { dataDir: 'd' }, env: {}, platform: 'linux', cwd: '/work' });
    expect(relative.dataDir).toBe('/work/d');
  });

  it('uses the OS data folder on macOS and Windows', () => {
    const mac = loadConfig({ flags: {}, env: { HOME: '/Users/u' }, platform: 'darwin', cwd: '/' });
    expect(mac.dataDir).toBe('/Users/u/Library/Application Support/PredictionTrader');
    const win = loadConfig({ flags: {}, env: { APPDATA: '/appdata' }, platform: 'win32', cwd: '/' });
    expect(win.dataDir).toBe('/appdata/PredictionTrader');
  });

  it('--config FILE replaces <dataDir>/config.json', () => {
    const dataDir = dataDirWith({ port: 1111 });
    const other = join(dataDirWith(), 'other.json');
    writeFileSync(other, JSON.stringify({ port: 4444 }));
    expect(load({ dataDir, config: other })).toMatchObject({ port: 4444, configFile: other });
  });
});

describe('loadConfig errors name the field and its source', () => {
  it.each([
    [{ port: 'abc' }, {}, '--port'],
    [{ port: '70000' }, {}, '--port'],
    [{ port: '-1' }, {}, '--port'],
    [{ env: 'paper' }, {}, '--env'],
    [{ logLevel: 'loud' }, {}, '--log-level'],
    [{}, { PT_PORT: '1.5' }, 'PT_PORT'],
    [{}, { PT_ENV: 'prod' }, 'PT_ENV'],
    [{ dataDir: '' }, {}, '--data-dir'],
  ])('flags %o env %o → %s', (flags, env, field) => {
    const err = errorOf(() => load({ dataDir: '/x', ...flags }, env));
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.details).toMatchObject({ field });
    expect(err.message).toContain(field);
  });

  it('reports the bad value it got', () => {
    expect(errorOf(() => load({ dataDir: '/x', port: 'abc' })).message).toContain("got 'abc'");
  });

  it('rejects a bad or unknown field in the config file, with its path', () => {
    const badUrl = errorOf(() => load({ dataDir: dataDirWith({ vibe: { url: 'ftp://x' } }) }));
    expect(badUrl.details).toMatchObject({ field: 'config.json.vibe.url' });
    const typo = errorOf(() => load({ dataDir: dataDirWith({ prot: 1 }) }));
    expect(typo.message).toContain('prot');
  });

  it('rejects a config file that is not JSON, and a missing --config file', () => {
    const dataDir = dataDirWith();
    writeFileSync(join(dataDir, 'config.json'), '{ port: ');
    expect(errorOf(() => load({ dataDir })).details).toMatchObject({ field: 'config.json' });
    expect(errorOf(() => load({ dataDir, config: '/nope.json' })).details).toMatchObject({
      field: '--config',
    });
  });

  it('fails clearly when there is no home folder for the default data dir', () => {
    expect(errorOf(() => load({})).details).toMatchObject({ field: 'dataDir' });
  });
});

describe('loadConfig simulator venue', () => {
  const rest = 'http://127.0.0.1:41234/trade-api/v2';
  const ws = 'ws://127.0.0.1:41234/trade-api/ws/v2';

  it('takes --sim-rest and --sim-ws together, over the config file', () => {
    const dataDir = dataDirWith({ simVenue: { restBaseUrl: 'http://127.0.0.1:1/trade-api/v2', wsUrl: ws } });
    expect(load({ dataDir }).simVenue?.restBaseUrl).toBe('http://127.0.0.1:1/trade-api/v2');
    expect(load({ dataDir, simRest: rest, simWs: ws }).simVenue).toEqual({ restBaseUrl: rest, wsUrl: ws });
  });

  it('names the missing or malformed flag', () => {
    const dataDir = dataDirWith();
    expect(errorOf(() => load({ dataDir, simRest: rest })).details).toMatchObject({ field: '--sim-ws' });
    expect(errorOf(() => load({ dataDir, simWs: ws })).details).toMatchObject({ field: '--sim-rest' });
    expect(errorOf(() => load({ dataDir, simRest: 'not a url', simWs: ws })).details).toMatchObject({
      field: '--sim-rest',
    });
    expect(errorOf(() => load({ dataDir, simRest: rest, simWs: rest })).details).toMatchObject({
      field: '--sim-ws',
    });
  });
});
