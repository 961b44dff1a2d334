import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, silentLogger } from '../../test/store/temp-dir.js';
import { DeviceRegistry } from '../auth/device-registry.js';
import { PairingCodes } from '../auth/pairing-codes.js';
import { loadConfig } from '../config/load-config.js';
import type { AgentConfig } from '../config/schema.js';
import { startControlServer } from '../control/control-server.js';
import { controlHandlers } from '../control/handlers.js';
import type { CliIo } from './io.js';
import { runPairCommand } from './pair.command.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function configFor(dataDir: string): AgentConfig {
  return loadConfig({ flags: { dataDir }, env: {}, platform: process.platform, cwd: dataDir });
}

function bufferIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
  };
  return io;
}

describe('runPairCommand', () => {
  it('prints the running agent’s pairing URL, code and expiry; the code then pairs', async () => {
    const temp = makeTempDir('pt-cli-pair-');
    cleanups.push(temp.remove);
    const codes = new PairingCodes();
    const server = await startControlServer({
      dataDir: temp.dir,
      handlers: controlHandlers({
        codes,
        devices: new DeviceRegistry({ dataDir: temp.dir, idleExpiryDays: 30 }),
        canonicalOrigin: () => 'http://127.0.0.1:47821',
      }),
      logger: silentLogger,
    });
    cleanups.push(() => server.close());
    const io = bufferIo();
    expect(await runPairCommand(configFor(temp.dir), io)).toBe(0);
    const code = /pair#([0-9A-Z]{4}-[0-9A-Z]{4})\n/.exec(io.out)?.[1];
    if (code === undefined) throw new Error(`no pairing URL in ${io.out}`);
    expect(io.out).toContain(`open http://127.0.0.1:47821/pair#${code}\n`);
    expect(io.out).toContain(`the code ${code} `);
    expect(io.out).toMatch(/expires in 2 min \(\d\d:\d\d:\d\d UTC\)/);
    expect(io.err).toBe('');
    expect(codes.redeem(code)).toEqual({ ok: true });
  });

  it('exits 1 with a message when no agent runs for the data dir', async () => {
    const temp = makeTempDir('pt-cli-pair-none-');
    cleanups.push(temp.remove);
    const io = bufferIo();
    expect(await runPairCommand(configFor(temp.dir), io)).toBe(1);
    expect(io.out).toBe('');
    expect(io.err).toMatch(/^pt-agent: no agent running for DATA_DIR /);
  });
});
