import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { createAgentLogger } from './logger.js';

describe('createAgentLogger', () => {
  it('writes JSON lines to the log file with planted secrets censored', async () => {
    const logDir = join(mkdtempSync(join(tmpdir(), 'pt-logger-')), 'logs');
    const { logger, file, close } = createAgentLogger({ level: 'info', logDir, hasStderr: false });
    logger.info({ token: 'PLANTED-token-1', user: { password: 'PLANTED-pw-2' } }, 'first');
    logger.warn(
      {
        req: { headers: { authorization: 'PLANTED-auth-3', 'kalshi-access-signature': 'PLANTED-sig-4' } },
        kalshi: { demo: { auth: { privateKey: 'PLANTED-pk-5' } } },
        pairing: { pairingCode: 'PLANTED-code-6' },
      },
      'second',
    );
    logger.debug({ note: 'below level' }, 'hidden');
    await close();

    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('PLANTED');
    const lines = text
      .trim()
      .split('\n')
      .map((line): unknown => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ msg: 'first', token: '[REDACTED]', level: 30, pid: process.pid });
    expect(lines[1]).toMatchObject({ req: { headers: { authorization: '[REDACTED]' } } });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('scrubs secrets quoted inside messages and error texts', async () => {
    const logDir = join(mkdtempSync(join(tmpdir(), 'pt-logger-')), 'logs');
    const { logger, file, close } = createAgentLogger({ level: 'info', logDir, hasStderr: false });
    const err = new Error('401 for request with Authorization: Bearer PLANTED-bearer-7');
    logger.error({ err }, 'venue call failed with apiKey=PLANTED-key-8');
    logger.warn('plain message with password=PLANTED-pw-9');
    await close();
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('PLANTED');
    expect(text).toContain('venue call failed');
    expect(text).toContain('"type":"Error"');
  });

  it('never throws on an err field that is not an Error (a string or a plain object), and still scrubs strings', async () => {
    const logDir = join(mkdtempSync(join(tmpdir(), 'pt-logger-')), 'logs');
    const { logger, file, close } = createAgentLogger({ level: 'info', logDir, hasStderr: false });
    expect(() => logger.warn({ err: 'socket hang up; token=PLANTED-10' }, 'ws error')).not.toThrow();
    expect(() => logger.warn({ err: { code: 'ECONNREFUSED' } }, 'plain object')).not.toThrow();
    expect(() => logger.warn({ err: undefined }, 'nothing')).not.toThrow();
    await close();
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('PLANTED');
    expect(text).toContain('ECONNREFUSED');
    expect(text.trim().split('\n')).toHaveLength(3);
  });

  it('rotates the file by size and keeps writing', async () => {
    const logDir = join(mkdtempSync(join(tmpdir(), 'pt-logger-')), 'logs');
    const { logger, close } = createAgentLogger({
      level: 'info',
      logDir,
      hasStderr: false,
      rotateAtSize: '1K',
    });
    for (let i = 0; i < 40; i += 1) logger.info({ i }, 'filler line to push the file past its size limit');
    await close();
    const files = readdirSync(logDir);
    expect(files).toContain('agent.log');
    expect(files.length).toBeGreaterThan(1);
  });

  it('survives a log call after close (a late callback on the way out)', async () => {
    const logDir = join(mkdtempSync(join(tmpdir(), 'pt-logger-')), 'logs');
    const { logger, file, close } = createAgentLogger({ level: 'info', logDir, hasStderr: false });
    logger.info('before');
    await close();
    expect(() => logger.info('after')).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(readFileSync(file, 'utf8')).toContain('before');
  });
});
