import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ControlResponse } from './messages.js';
import { makeTempDir, silentLogger } from '../../test/store/temp-dir.js';
import { DeviceRegistry } from '../auth/device-registry.js';
import { PairingCodes } from '../auth/pairing-codes.js';
import { AgentError } from '../lib/errors.js';
import { controlRequest } from './control-client.js';
import { startControlServer } from './control-server.js';
import type { RunningControlServer } from './control-server.js';
import { controlHandlers } from './handlers.js';
import { MAX_CONTROL_LINE_BYTES } from './messages.js';
import { controlSocketPath } from './socket-path.js';

const ORIGIN = 'http://127.0.0.1:47821';
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(): Promise<{
  dir: string;
  codes: PairingCodes;
  registry: DeviceRegistry;
  server: RunningControlServer;
}> {
  const temp = makeTempDir('pt-ctl-');
  cleanups.push(temp.remove);
  const codes = new PairingCodes();
  const registry = new DeviceRegistry({ dataDir: temp.dir, idleExpiryDays: 30 });
  const server = await startControlServer({
    dataDir: temp.dir,
    handlers: controlHandlers({ codes, devices: registry, canonicalOrigin: () => ORIGIN }),
    logger: silentLogger,
  });
  cleanups.push(() => server.close());
  return { dir: temp.dir, codes, registry, server };
}

/** Send raw bytes, read the whole answer. */
async function raw(path: string, payload: string | Buffer): Promise<string> {
  const socket = createConnection(path);
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('error', () => undefined); // the server may cut us off mid-write on an oversize line
  socket.write(payload);
  await new Promise((resolve) => socket.on('close', resolve));
  return Buffer.concat(chunks).toString('utf8');
}

function errorOf(text: string): { code: string; message: string; details?: Record<string, unknown> } {
  const response = ControlResponse.parse(JSON.parse(text));
  if (response.ok) throw new Error('expected an error response');
  return response.error;
}

async function rejection(promise: Promise<unknown>): Promise<AgentError> {
  const err: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AgentError)) throw new Error(`expected an AgentError, got ${String(err)}`);
  return err;
}

describe('control socket', () => {
  it('listens on <dataDir>/control.sock, mode 0600, and removes it on close', async () => {
    const { dir, server } = await setup();
    expect(server.path).toBe(controlSocketPath(dir));
    expect(lstatSync(server.path).isSocket()).toBe(true);
    expect(statSync(server.path).mode & 0o777).toBe(0o600);
    await server.close();
    expect(existsSync(server.path)).toBe(false);
  });

  it('pairing.issue: a fresh code the pairing codes accept, and its pairing URL', async () => {
    const { dir, codes } = await setup();
    const issued = await controlRequest(dir, { method: 'pairing.issue' });
    expect(issued.pairUrl).toBe(`${ORIGIN}/pair#${issued.code}`);
    expect(issued.expiresAtMs).toBeGreaterThan(Date.now());
    expect(codes.redeem(issued.code)).toEqual({ ok: true });
  });

  it('devices.list and devices.revoke', async () => {
    const { dir, registry } = await setup();
    const a = registry.pair('A', ORIGIN);
    const b = registry.pair('B', ORIGIN);
    expect(await controlRequest(dir, { method: 'devices.list' })).toEqual({ devices: [a.device, b.device] });
    expect(
      await controlRequest(dir, { method: 'devices.revoke', params: { deviceId: a.device.deviceId } }),
    ).toEqual({ deviceId: a.device.deviceId, name: 'A' });
    expect(registry.verify(a.token)).toBeNull();
    expect(registry.list()).toEqual([b.device]);
  });

  it('revoking an unknown device is NOT_FOUND naming deviceId', async () => {
    const { dir } = await setup();
    const err = await rejection(
      controlRequest(dir, { method: 'devices.revoke', params: { deviceId: 'dev_doesnotexist' } }),
    );
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toBe('deviceId: no paired device dev_doesnotexist');
    expect(err.details).toEqual({ field: 'deviceId' });
  });

  it('bad input is an error naming the field', async () => {
    const { server } = await setup();
    expect(
      errorOf(await raw(server.path, '{"method":"devices.revoke","params":{"deviceId":"x"}}\n')),
    ).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'params.deviceId' } });
    expect(errorOf(await raw(server.path, '{"method":"agent.explode"}\n'))).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'method' },
    });
    expect(errorOf(await raw(server.path, '{"method":"devices.list","extra":1}\n'))).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(errorOf(await raw(server.path, 'not json\n'))).toMatchObject({
      code: 'BAD_REQUEST',
      details: { field: '(root)' },
    });
  });

  it('refuses a line longer than the limit without buffering it all', async () => {
    const { server } = await setup();
    const answer = await raw(server.path, Buffer.alloc(MAX_CONTROL_LINE_BYTES + 10, 0x61));
    expect(errorOf(answer)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { field: '(root)' } });
  });

  it('answers a request that ends with the connection instead of a newline', async () => {
    const { server } = await setup();
    const socket = createConnection(server.path);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.end('{"method":"devices.list"}');
    await new Promise((resolve) => socket.on('close', resolve));
    expect(ControlResponse.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')))).toEqual({
      ok: true,
      result: { devices: [] },
    });
  });

  it('says "no agent running for DATA_DIR" when nothing listens', async () => {
    const temp = makeTempDir('pt-ctl-none-');
    cleanups.push(temp.remove);
    const err = await rejection(controlRequest(temp.dir, { method: 'devices.list' }));
    expect(err.message).toMatch(new RegExp(`^no agent running for DATA_DIR ${temp.dir}`));
  });

  it('removes a stale socket left by a killed agent, and then serves', async () => {
    const temp = makeTempDir('pt-ctl-stale-');
    cleanups.push(temp.remove);
    const path = controlSocketPath(temp.dir);
    const script = `require('net').createServer().listen(${JSON.stringify(path)}, () => process.kill(process.pid, 'SIGKILL'))`;
    spawnSync(process.execPath, ['-e', script]);
    expect(lstatSync(path).isSocket()).toBe(true);
    const stale = await rejection(controlRequest(temp.dir, { method: 'devices.list' }));
    expect(stale.message).toMatch(/^no agent running/);
    const server = await startControlServer({
      dataDir: temp.dir,
      handlers: controlHandlers({
        codes: new PairingCodes(),
        devices: new DeviceRegistry({ dataDir: temp.dir, idleExpiryDays: 30 }),
        canonicalOrigin: () => ORIGIN,
      }),
      logger: silentLogger,
    });
    cleanups.push(() => server.close());
    expect(await controlRequest(temp.dir, { method: 'devices.list' })).toEqual({ devices: [] });
  });

  it('refuses shutdown when the agent gave no way to stop (a CONFLICT, nothing stops)', async () => {
    const { server } = await setup();
    expect(errorOf(await raw(server.path, '{"method":"shutdown"}\n'))).toMatchObject({ code: 'CONFLICT' });
  });

  it('leaves a file that is not a socket alone and refuses to start', async () => {
    const temp = makeTempDir('pt-ctl-file-');
    cleanups.push(temp.remove);
    const path = controlSocketPath(temp.dir);
    writeFileSync(path, 'mine');
    const err = await rejection(
      startControlServer({
        dataDir: temp.dir,
        handlers: controlHandlers({
          codes: new PairingCodes(),
          devices: new DeviceRegistry({ dataDir: temp.dir, idleExpiryDays: 30 }),
          canonicalOrigin: () => ORIGIN,
        }),
        logger: silentLogger,
      }),
    );
    expect(err.details).toEqual({ field: 'dataDir' });
    expect(readFileSync(path, 'utf8')).toBe('mine');
  });
});

describe('controlSocketPath', () => {
  it('is a named pipe derived from the data dir on Windows', () => {
    const a = controlSocketPath('C:\\Users\\me\\pt', 'win32');
    expect(a).toMatch(/^\\\\\.\\pipe\\pt-agent-[0-9a-f]{24}$/);
    expect(controlSocketPath('C:\\Users\\me\\other', 'win32')).not.toBe(a);
  });

  it('refuses a data dir too long for a Unix socket path, naming dataDir', () => {
    expect(() => controlSocketPath(`/tmp/${'x'.repeat(120)}`, 'linux')).toThrow(/^dataDir: .* too long/);
  });
});
