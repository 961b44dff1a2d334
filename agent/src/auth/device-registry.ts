import type { DeviceId } from '@pt/protocol';
import { findHash, hashToken, newDeviceId, newDeviceToken } from './device-token.js';
import { loadDevicesFile, saveDevicesFile } from './devices-file.js';
import type { StoredDevice } from './devices-file.js';
import type { AuthenticatedDevice, DeviceRevocations, TokenCheck, TokenChecker } from './types.js';

const DAY_MS = 24 * 60 * 60_000;
/** lastUsedAtMs reaches the disk at most this often per device (memory is always current). */
export const LAST_USED_PERSIST_INTERVAL_MS = 60_000;
/** Hashes of revoked / expired tokens remembered (in memory) so a refusal can say which. */
const MAX_TOMBSTONES = 256;

export interface DeviceRegistryOptions {
  dataDir: string;
  /** AgentConfig.deviceIdleExpiryDays. */
  idleExpiryDays: number;
  now?: () => number;
}

/** A paired device as lists show it (no hash). */
export type DeviceSummary = Omit<StoredDevice, 'tokenSha256'>;

export interface PairedNow {
  /** The bearer token: returned once, never stored, never logged. */
  readonly token: string;
  readonly device: DeviceSummary;
}

function summary({ tokenSha256: _hash, ...device }: StoredDevice): DeviceSummary {
  return device;
}

/**
 * Paired browsers in `<dataDir>/devices.json` (0600): device id, name, origin, SHA-256 of the token,
 * created and last-used times. Checks bearer tokens in constant time, expires idle devices, and
 * tells listeners (the WS stream) when a device is revoked or expires so its sockets close.
 */
export class DeviceRegistry implements TokenChecker, DeviceRevocations {
  readonly idleExpiryMs: number;
  private readonly dataDir: string;
  private readonly now: () => number;
  private devices: StoredDevice[];
  /** Per device: the lastUsedAtMs last written to disk. */
  private readonly persistedLastUse = new Map<string, number>();
  private readonly tombstones = new Map<string, 'revoked' | 'expired'>();
  private readonly revokedListeners = new Set<(deviceId: DeviceId) => void>();

  constructor(options: DeviceRegistryOptions) {
    this.dataDir = options.dataDir;
    this.now = options.now ?? Date.now;
    this.idleExpiryMs = options.idleExpiryDays * DAY_MS;
    this.devices = loadDevicesFile(options.dataDir).devices;
    for (const device of this.devices) this.persistedLastUse.set(device.deviceId, device.lastUsedAtMs);
  }

  /** Register a browser that presented a valid pairing code; the token is in the result only. */
  pair(name: string, origin: string): PairedNow {
    const token = newDeviceToken();
    const nowMs = this.now();
    const device: StoredDevice = {
      deviceId: newDeviceId(),
      name,
      origin,
      tokenSha256: hashToken(token),
      createdAtMs: nowMs,
      lastUsedAtMs: nowMs,
    };
    this.devices = [...this.devices, device];
    this.persistedLastUse.set(device.deviceId, nowMs);
    this.save();
    return { token, device: summary(device) };
  }

  /** Which device a token belongs to, without touching its last-used time. */
  check(token: string): TokenCheck {
    const hash = hashToken(token);
    const index = findHash(
      hash,
      this.devices.map((d) => d.tokenSha256),
    );
    const device = this.devices[index];
    if (device === undefined) return { ok: false, reason: this.tombstoneFor(hash) ?? 'unknown' };
    if (this.now() - device.lastUsedAtMs > this.idleExpiryMs) {
      this.remove(device, 'expired');
      return { ok: false, reason: 'expired' };
    }
    return { ok: true, device: { deviceId: device.deviceId, name: device.name, origin: device.origin } };
  }

  /** The device used its token now; written to disk at most once a minute. */
  touch(deviceId: DeviceId): void {
    const device = this.devices.find((d) => d.deviceId === deviceId);
    if (device === undefined) return;
    const nowMs = this.now();
    device.lastUsedAtMs = Math.max(device.lastUsedAtMs, nowMs);
    const persisted = this.persistedLastUse.get(deviceId) ?? 0;
    if (nowMs - persisted >= LAST_USED_PERSIST_INTERVAL_MS) {
      this.persistedLastUse.set(deviceId, nowMs);
      this.save();
    }
  }

  /** TokenVerifier: check, then refresh the last-used time. */
  verify(token: string): AuthenticatedDevice | null {
    const result = this.check(token);
    if (!result.ok) return null;
    this.touch(result.device.deviceId);
    return result.device;
  }

  /** Paired devices, oldest first; idle-expired ones are removed on the way. */
  list(): DeviceSummary[] {
    const nowMs = this.now();
    for (const device of this.devices) {
      if (nowMs - device.lastUsedAtMs > this.idleExpiryMs) this.remove(device, 'expired');
    }
    return this.devices.map(summary);
  }

  /** Unpair at once: the token stops working and listeners close the device's sockets. */
  revoke(deviceId: DeviceId): boolean {
    const device = this.devices.find((d) => d.deviceId === deviceId);
    if (device === undefined) return false;
    this.remove(device, 'revoked');
    return true;
  }

  onRevoked(listener: (deviceId: DeviceId) => void): () => void {
    this.revokedListeners.add(listener);
    return () => this.revokedListeners.delete(listener);
  }

  private remove(device: StoredDevice, why: 'revoked' | 'expired'): void {
    this.devices = this.devices.filter((d) => d !== device);
    this.persistedLastUse.delete(device.deviceId);
    this.tombstones.set(device.tokenSha256, why);
    if (this.tombstones.size > MAX_TOMBSTONES) {
      const oldest = this.tombstones.keys().next();
      if (oldest.done !== true) this.tombstones.delete(oldest.value);
    }
    this.save();
    for (const listener of this.revokedListeners) listener(device.deviceId);
  }

  private tombstoneFor(hash: string): 'revoked' | 'expired' | undefined {
    const hashes = [...this.tombstones.keys()];
    const index = findHash(hash, hashes);
    const key = hashes[index];
    return key === undefined ? undefined : this.tombstones.get(key);
  }

  private save(): void {
    saveDevicesFile(this.dataDir, { version: 1, devices: this.devices });
  }
}
