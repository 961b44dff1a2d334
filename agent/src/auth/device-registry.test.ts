import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceId, PairResponse } from '@pt/protocol';
import { makeTempDir } from '../../test/store/temp-dir.js';
import { AgentError } from '../lib/errors.js';
import { DeviceRegistry, LAST_USED_PERSIST_INTERVAL_MS } from './device-registry.js';
import { hashToken } from './device-token.js';
import { DevicesFile, devicesFilePath } from './devices-file.js';

const DAY_MS = 86_400_000;
const ORIGIN = 'http://127.0.0.1:47821';
const temps: { remove: () => void }[] = [];

function setup(idleExpiryDays = 30): {
  dir: string;
  time: { now: () => number; advance: (ms: number) => void };
  open: () => DeviceRegistry;
} {
  const temp = makeTempDir('pt-auth-');
  temps.push(temp);
  let t = 1_700_000_000_000;
  const time = { now: () => t, advance: (ms: number) => void (t += ms) };
  return {
    dir: temp.dir,
    time,
    open: () => new DeviceRegistry({ dataDir: temp.dir, idleExpiryDays, now: time.now }),
  };
}

function onDisk(dir: string): DevicesFile {
  return DevicesFile.parse(JSON.parse(readFileSync(devicesFilePath(dir), 'utf8')));
}

afterEach(() => {
  for (const temp of temps.splice(0)) temp.remove();
});

describe('DeviceRegistry', () => {
  it('pairs: a 43-character token returned once, only its SHA-256 on disk, file 0600', () => {
    const { dir, open } = setup();
    const registry = open();
    const { token, device } = registry.pair('Laptop', ORIGIN);
    expect(PairResponse.shape.token.safeParse(token).success).toBe(true);
    expect(DeviceId.safeParse(device.deviceId).success).toBe(true);
    const text = readFileSync(devicesFilePath(dir), 'utf8');
    expect(text).not.toContain(token);
    expect(text).toContain(hashToken(token));
    expect(statSync(devicesFilePath(dir)).mode & 0o777).toBe(0o600);
    expect(onDisk(dir).devices).toEqual([{ ...device, tokenSha256: hashToken(token) }]);
  });

  it('creates a missing data dir 0700', () => {
    const { dir, time } = setup();
    const nested = join(dir, 'fresh');
    new DeviceRegistry({ dataDir: nested, idleExpiryDays: 1, now: time.now }).pair('A', ORIGIN);
    expect(statSync(nested).mode & 0o777).toBe(0o700);
  });

  it('verifies its tokens after a restart and refuses anything else', () => {
    const { open } = setup();
    const first = open();
    const a = first.pair('A', ORIGIN);
    const b = first.pair('B', 'http://localhost:47821');
    const reopened = open();
    expect(reopened.verify(a.token)).toEqual({ deviceId: a.device.deviceId, name: 'A', origin: ORIGIN });
    expect(reopened.verify(b.token)?.deviceId).toBe(b.device.deviceId);
    expect(reopened.verify(`${a.token.slice(0, -1)}${a.token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(reopened.check('x')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('revokes at once: listeners hear it, the token says revoked, the file forgets the device', () => {
    const { dir, open } = setup();
    const registry = open();
    const keep = registry.pair('Keep', ORIGIN);
    const gone = registry.pair('Gone', ORIGIN);
    const heard: string[] = [];
    registry.onRevoked((id) => heard.push(id));
    expect(registry.revoke(gone.device.deviceId)).toBe(true);
    expect(heard).toEqual([gone.device.deviceId]);
    expect(registry.check(gone.token)).toEqual({ ok: false, reason: 'revoked' });
    expect(registry.verify(keep.token)).not.toBeNull();
    expect(onDisk(dir).devices.map((d) => d.deviceId)).toEqual([keep.device.deviceId]);
    expect(registry.revoke(gone.device.deviceId)).toBe(false);
    // After a restart the tombstone is gone, but the token still does not work.
    expect(open().check(gone.token)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('expires an idle device: refused as expired, removed from disk, listeners told', () => {
    const { dir, time, open } = setup(2);
    const registry = open();
    const { token, device } = registry.pair('Idle', ORIGIN);
    const heard: string[] = [];
    registry.onRevoked((id) => heard.push(id));
    time.advance(2 * DAY_MS);
    expect(registry.verify(token)).not.toBeNull(); // exactly the limit is still fine, and refreshes
    time.advance(2 * DAY_MS + 1);
    expect(registry.check(token)).toEqual({ ok: false, reason: 'expired' });
    expect(heard).toEqual([device.deviceId]);
    expect(onDisk(dir).devices).toEqual([]);
    expect(registry.list()).toEqual([]);
  });

  it('list() drops idle-expired devices', () => {
    const { time, open } = setup(1);
    const registry = open();
    registry.pair('Old', ORIGIN);
    time.advance(DAY_MS + 1);
    const fresh = registry.pair('New', ORIGIN);
    expect(registry.list()).toEqual([fresh.device]);
  });

  it('writes lastUsedAtMs at most once a minute, keeps it current in memory', () => {
    const { dir, time, open } = setup();
    const registry = open();
    const { token, device } = registry.pair('A', ORIGIN);
    time.advance(LAST_USED_PERSIST_INTERVAL_MS / 2);
    registry.verify(token);
    expect(onDisk(dir).devices[0]?.lastUsedAtMs).toBe(device.createdAtMs);
    expect(registry.list()[0]?.lastUsedAtMs).toBe(time.now());
    time.advance(LAST_USED_PERSIST_INTERVAL_MS / 2);
    registry.verify(token);
    expect(onDisk(dir).devices[0]?.lastUsedAtMs).toBe(time.now());
  });

  it('check() does not touch the last-used time', () => {
    const { time, open } = setup();
    const registry = open();
    const { token, device } = registry.pair('A', ORIGIN);
    time.advance(5 * LAST_USED_PERSIST_INTERVAL_MS);
    expect(registry.check(token).ok).toBe(true);
    expect(registry.list()[0]?.lastUsedAtMs).toBe(device.createdAtMs);
  });

  it('refuses a bad devices.json with an error naming the field', () => {
    const { dir, open } = setup();
    const registry = open();
    registry.pair('A', ORIGIN);
    const file = onDisk(dir);
    writeFileSync(
      devicesFilePath(dir),
      JSON.stringify({ ...file, devices: file.devices.map((d) => ({ ...d, tokenSha256: 'nope' })) }),
    );
    expect(() => open()).toThrow(AgentError);
    expect(() => open()).toThrow(/devices\[0\]\.tokenSha256: expected a SHA-256 hex digest/);
    writeFileSync(
      devicesFilePath(dir),
      JSON.stringify({ ...file, devices: [...file.devices, ...file.devices] }),
    );
    expect(() => open()).toThrow(/devices\[1\]\.deviceId: duplicate device id/);
    writeFileSync(devicesFilePath(dir), '{not json');
    expect(() => open()).toThrow(/\(root\): not valid JSON/);
  });

  it('tightens a devices.json readable by others to 0600 on load', () => {
    const { dir, open } = setup();
    open().pair('A', ORIGIN);
    chmodSync(devicesFilePath(dir), 0o644);
    open();
    expect(statSync(devicesFilePath(dir)).mode & 0o777).toBe(0o600);
  });

  it('random tokens never verify', () => {
    const { open } = setup();
    const registry = open();
    const paired = [registry.pair('A', ORIGIN), registry.pair('B', ORIGIN)];
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[A-Za-z0-9_-]{43}$/)), (token) => {
        const isReal = paired.some((p) => p.token === token);
        expect(registry.verify(token) !== null).toBe(isReal);
      }),
      { numRuns: 2_000 },
    );
  });
});
