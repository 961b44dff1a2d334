import { z } from 'zod';
import { TimestampMs } from '../timestamp.js';

/** `POST /v1/pair`: trade the one-time code shown by the agent (terminal, tray, CLI) for a token. */
export const PAIR_PATH = '/v1/pair';
/** Paired devices: `GET` lists them, `DELETE /v1/devices/:deviceId` revokes one at once. */
export const DEVICES_PATH = '/v1/devices';

/** Crockford-style base32 without padding; the agent shows it grouped, any case and spaces/dashes accepted. */
export const PairingCode = z
  .string()
  .min(8, 'a pairing code has at least 8 characters')
  .max(64)
  .regex(/^[A-Za-z0-9 -]+$/, 'a pairing code uses letters and digits only');

export const DeviceName = z.string().trim().min(1, 'name this device').max(64);

export const PairRequest = z.strictObject({ code: PairingCode, deviceName: DeviceName });
export type PairRequest = z.infer<typeof PairRequest>;

/** Opaque device id (not secret): names a pairing in lists, revocation and logs. */
export const DeviceId = z.string().regex(/^dev_[A-Za-z0-9_-]{8,64}$/, 'expected a device id (dev_…)');
export type DeviceId = z.infer<typeof DeviceId>;

/**
 * The bearer token, returned exactly once. 256 random bits, base64url (43 characters). The agent
 * keeps only its SHA-256.
 */
export const PairResponse = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  deviceId: DeviceId,
  /** Idle tokens expire after this long without use (agent setting). */
  idleExpiryMs: z.int().min(1),
});
export type PairResponse = z.infer<typeof PairResponse>;

export const PairedDevice = z.strictObject({
  deviceId: DeviceId,
  name: DeviceName,
  /** The origin that paired (the browser app the token belongs to). */
  origin: z.string().min(1),
  createdAtMs: TimestampMs,
  lastUsedAtMs: TimestampMs,
  /** True for the device making this request. */
  isCurrent: z.boolean(),
});
export type PairedDevice = z.infer<typeof PairedDevice>;

export const DeviceList = z.strictObject({ devices: z.array(PairedDevice) });
export type DeviceList = z.infer<typeof DeviceList>;
