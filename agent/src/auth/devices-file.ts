import {
  closeSync,
  fchmodSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  chmodSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DeviceId, DeviceName, TimestampMs, formatIssuePath } from '@pt/protocol';
import { AgentError } from '../lib/errors.js';

export const DEVICES_FILE_NAME = 'devices.json';

/** One paired browser as stored: the SHA-256 of its token, never the token. */
export const StoredDevice = z.strictObject({
  deviceId: DeviceId,
  name: DeviceName,
  origin: z.string().min(1),
  tokenSha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hex digest'),
  createdAtMs: TimestampMs,
  lastUsedAtMs: TimestampMs,
});
export type StoredDevice = z.infer<typeof StoredDevice>;

export const DevicesFile = z
  .strictObject({
    version: z.literal(1),
    devices: z.array(StoredDevice),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.devices.forEach((device, index) => {
      if (seen.has(device.deviceId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['devices', index, 'deviceId'],
          message: 'duplicate device id',
        });
      }
      seen.add(device.deviceId);
    });
  });
export type DevicesFile = z.infer<typeof DevicesFile>;

export function devicesFilePath(dataDir: string): string {
  return join(dataDir, DEVICES_FILE_NAME);
}

function isMissing(err: unknown): boolean {
  return err instanceof Error && 'code' in err && err.code === 'ENOENT';
}

function invalid(file: string, field: string, message: string): AgentError {
  return new AgentError(
    'CONFIG_INVALID',
    `${file}: ${field}: ${message} (fix or delete the file; deleting it unpairs every browser)`,
    {},
    { field, file },
  );
}

/** The paired devices on disk; none if the file does not exist. A bad file is an error naming the field. */
export function loadDevicesFile(dataDir: string): DevicesFile {
  const file = devicesFilePath(dataDir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (isMissing(err)) return { version: 1, devices: [] };
    throw err;
  }
  // An older or hand-copied file may be readable by others: it holds token hashes, so tighten it.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid(file, '(root)', 'not valid JSON');
  }
  const parsed = DevicesFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(file, formatIssuePath(issue?.path ?? []), issue?.message ?? 'invalid');
  }
  return parsed.data;
}

/** Atomic (temp file, fsync, rename) and owner-only (0600) in an owner-only (0700) data dir. */
export function saveDevicesFile(dataDir: string, data: DevicesFile): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = devicesFilePath(dataDir);
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    fchmodSync(fd, 0o600); // a leftover temp file may have had a wider mode
    writeSync(fd, `${JSON.stringify(data, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}
