import { describe, it, expect } from 'vitest';
import { AgentError } from '../lib/errors.js';
import { parseCommandLine } from './command-line.js';
import { loadConfig } from './load-config.js';

function fieldOf(argv: string[]): unknown {
  try {
    parseCommandLine(argv);
  } catch (err) {
    if (err instanceof AgentError) return err.details?.['field'];
    throw err;
  }
  throw new Error('expected an error');
}

describe('parseCommandLine', () => {
  it('runs the agent with no subcommand and keeps flag values as strings', () => {
    expect(parseCommandLine(['--port', '0', '--data-dir', '/d', '--env', 'demo'])).toEqual({
      command: 'run',
      flags: { port: '0', dataDir: '/d', env: 'demo' },
    });
  });

  it('takes --no-tray as a boolean flag, and loadConfig carries it', () => {
    expect(parseCommandLine(['--no-tray'])).toEqual({ command: 'run', flags: { noTray: true } });
    expect(() => parseCommandLine(['--no-tray=yes'])).toThrow(/--no-tray/);
    const input = { env: {}, platform: 'linux' as const, cwd: '/' };
    expect(loadConfig({ ...input, flags: { dataDir: '/nonexistent-pt', noTray: true } }).noTray).toBe(true);
    expect(loadConfig({ ...input, flags: { dataDir: '/nonexistent-pt' } }).noTray).toBeUndefined();
  });

  it('accepts diagnostics with --out and the config flags', () => {
    expect(parseCommandLine(['diagnostics', '--out', 'b.json', '--log-level', 'debug'])).toEqual({
      command: 'diagnostics',
      flags: { logLevel: 'debug' },
      outFile: 'b.json',
    });
  });

  it('names the offending flag or word', () => {
    expect(fieldOf(['--prot', '1'])).toBe('--prot');
    expect(fieldOf(['--port'])).toBe('--port');
    expect(fieldOf(['--out', 'x'])).toBe('--out');
    expect(fieldOf(['serve'])).toBe('command');
    expect(fieldOf(['diagnostics', 'extra'])).toBe('command');
  });
});

describe('parseCommandLine subcommands', () => {
  it('parses pair, devices and keys with their actions', () => {
    expect(parseCommandLine(['pair', '--data-dir', '/d'])).toEqual({
      command: 'pair',
      flags: { dataDir: '/d' },
    });
    expect(parseCommandLine(['devices'])).toEqual({
      command: 'devices',
      flags: {},
      action: { kind: 'list' },
    });
    expect(parseCommandLine(['devices', 'revoke', 'dev_abcdefgh'])).toEqual({
      command: 'devices',
      flags: {},
      action: { kind: 'revoke', deviceId: 'dev_abcdefgh' },
    });
    expect(parseCommandLine(['keys', 'import', '--env', 'demo', '--key-id', 'k', '--pem', 'f.pem'])).toEqual({
      command: 'keys',
      flags: { env: 'demo' },
      action: { kind: 'import', env: 'demo', keyId: 'k', pemFile: 'f.pem' },
    });
    expect(parseCommandLine(['keys', 'delete', '--env', 'live'])).toMatchObject({
      action: { kind: 'delete', env: 'live' },
    });
  });

  it('refuses flags and words that do not belong to the subcommand', () => {
    expect(fieldOf(['pair', 'now'])).toBe('command');
    expect(fieldOf(['keys', 'list', '--pem', 'x'])).toBe('--pem');
    expect(fieldOf(['devices', 'revoke'])).toBe('deviceId');
    expect(fieldOf(['keys', 'rotate'])).toBe('command');
  });
});
