import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, silentLogger } from '../../test/store/temp-dir.js';
import { DeviceRegistry } from '../auth/device-registry.js';
import { PairingCodes } from '../auth/pairing-codes.js';
import { loadConfig } from '../config/load-config.js';
import type { AgentConfig } from '../config/schema.js';
import { startControlServer } from '../control/control-server.js';
import { controlHandlers } from '../control/handlers.js';
import { formatDeviceTable, runDevicesCommand } from './devices.command.js';
import type { CliIo } from './io.js';

const ORIGIN = 'http://127.0.0.1:47821';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function bufferIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
  };
  return io;
}

async function runningAgent(): Promise<{ config: AgentConfig; registry: DeviceRegistry }> {
  const temp = makeTempDir('pt-cli-dev-');
  cleanups.push(temp.remove);
  const registry = new DeviceRegistry({ dataDir: temp.dir, idleExpiryDays: 30 });
  const server = await startControlServer({
    dataDir: temp.dir,
    handlers: controlHandlers({
      codes: new PairingCodes(),
      devices: registry,
      canonicalOrigin: () => ORIGIN,
    }),
    logger: silentLogger,
  });
  cleanups.push(() => server.close());
  const config = loadConfig({
    flags: { dataDir: temp.dir },
    env: {},
    platform: process.platform,
    cwd: temp.dir,
  });
  return { config, registry };
}

describe('runDevicesCommand', () => {
  it('lists paired devices as a table', async () => {
    const { config, registry } = await runningAgent();
    const empty = bufferIo();
    expect(await runDevicesCommand(config, { kind: 'list' }, empty)).toBe(0);
    expect(empty.out).toBe('No paired devices.\n');
    const a = registry.pair('Laptop', ORIGIN);
    registry.pair('Phone', 'http://localhost:47821');
    const io = bufferIo();
    expect(await runDevicesCommand(config, { kind: 'list' }, io)).toBe(0);
    const lines = io.out.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^DEVICE ID\s+NAME\s+ORIGIN\s+PAIRED\s+LAST USED$/);
    expect(lines[1]).toMatch(
      new RegExp(`^${a.device.deviceId}\\s+Laptop\\s+${ORIGIN}\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\dZ`),
    );
    expect(lines[2]).toContain('Phone');
    // Columns line up: NAME starts at the same offset on every row.
    const nameAt = lines[0]?.indexOf('NAME');
    expect(lines[1]?.indexOf('Laptop')).toBe(nameAt);
    expect(lines[2]?.indexOf('Phone')).toBe(nameAt);
  });

  it('revokes a device: its token stops working at once', async () => {
    const { config, registry } = await runningAgent();
    const { token, device } = registry.pair('Laptop', ORIGIN);
    const io = bufferIo();
    expect(await runDevicesCommand(config, { kind: 'revoke', deviceId: device.deviceId }, io)).toBe(0);
    expect(io.out).toBe(`Revoked ${device.deviceId} (Laptop): its token no longer works.\n`);
    expect(registry.verify(token)).toBeNull();
  });

  it('exits 1 for an unknown device, 2 for something that is not a device id', async () => {
    const { config } = await runningAgent();
    const unknown = bufferIo();
    expect(await runDevicesCommand(config, { kind: 'revoke', deviceId: 'dev_nosuchdevice' }, unknown)).toBe(
      1,
    );
    expect(unknown.err).toBe('pt-agent: deviceId: no paired device dev_nosuchdevice\n');
    const malformed = bufferIo();
    expect(await runDevicesCommand(config, { kind: 'revoke', deviceId: 'laptop' }, malformed)).toBe(2);
    expect(malformed.err).toMatch(/^pt-agent: deviceId: expected a device id/);
  });

  it('exits 1 when no agent runs for the data dir', async () => {
    const temp = makeTempDir('pt-cli-dev-none-');
    cleanups.push(temp.remove);
    const config = loadConfig({
      flags: { dataDir: temp.dir },
      env: {},
      platform: process.platform,
      cwd: temp.dir,
    });
    const io = bufferIo();
    expect(await runDevicesCommand(config, { kind: 'list' }, io)).toBe(1);
    expect(io.err).toMatch(/^pt-agent: no agent running for DATA_DIR /);
  });
});

describe('formatDeviceTable', () => {
  it('never prints control characters from a device name', () => {
    const table = formatDeviceTable([
      {
        deviceId: 'dev_abcdefgh',
        name: 'evil\u001b[2J\u202ename',
        origin: ORIGIN,
        createdAtMs: 0,
        lastUsedAtMs: 0,
      },
    ]);
    expect(table).toContain('evil?[2J?name');
    expect(table.replaceAll('\n', '')).not.toMatch(/\p{Cc}|\p{Cf}/u);
    expect(table).toContain('1970-01-01 00:00Z');
  });
});
