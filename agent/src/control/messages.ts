import { z } from 'zod';
import { DeviceId, ErrorBody, PairedDevice, TimestampMs } from '@pt/protocol';

/**
 * The control socket's wire: one JSON request line, one JSON response line, per connection. For
 * same-user tools (the CLI now, the tray later); never reachable from a browser.
 */
export const ControlRequest = z.discriminatedUnion('method', [
  /** A fresh pairing code (the old one stops working) and the URL that carries it. */
  z.strictObject({ method: z.literal('pairing.issue') }),
  z.strictObject({ method: z.literal('devices.list') }),
  z.strictObject({
    method: z.literal('devices.revoke'),
    params: z.strictObject({ deviceId: DeviceId }),
  }),
  /** The same orderly stop as SIGTERM (halt, shutdown cancel per the setting, drain, close, exit). */
  z.strictObject({ method: z.literal('shutdown') }),
]);
export type ControlRequest = z.infer<typeof ControlRequest>;
export type ControlMethod = ControlRequest['method'];

export const PairingIssued = z.strictObject({
  /** Grouped for display, e.g. `ABCD-EFGH`. */
  code: z.string().min(8),
  expiresAtMs: TimestampMs,
  /** `<canonical origin>/pair#<code>`: the fragment never reaches a server log. */
  pairUrl: z.url(),
});
export type PairingIssued = z.infer<typeof PairingIssued>;

export const ControlDevice = PairedDevice.omit({ isCurrent: true });
export type ControlDevice = z.infer<typeof ControlDevice>;

export const ControlDeviceList = z.strictObject({ devices: z.array(ControlDevice) });
export type ControlDeviceList = z.infer<typeof ControlDeviceList>;

export const DeviceRevoked = z.strictObject({ deviceId: DeviceId, name: z.string() });
export type DeviceRevoked = z.infer<typeof DeviceRevoked>;

/** The result schema of each method: the server checks what it sends, the client what it gets. */
/** The stop has begun; the agent's log and terminal then say what the shutdown cancel did. */
export const ShutdownAccepted = z.strictObject({ isStopping: z.literal(true), pid: z.int().min(1) });
export type ShutdownAccepted = z.infer<typeof ShutdownAccepted>;

export const CONTROL_RESULTS = {
  'pairing.issue': PairingIssued,
  'devices.list': ControlDeviceList,
  'devices.revoke': DeviceRevoked,
  shutdown: ShutdownAccepted,
} as const satisfies Record<ControlMethod, z.ZodType>;

export type ControlResult<M extends ControlMethod> = z.infer<(typeof CONTROL_RESULTS)[M]>;
export type ControlRequestOf<M extends ControlMethod> = Extract<ControlRequest, { method: M }>;

export const ControlResponse = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), result: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: ErrorBody }),
]);
export type ControlResponse = z.infer<typeof ControlResponse>;

/** A request or response line longer than this is refused (nothing legitimate comes close). */
export const MAX_CONTROL_LINE_BYTES = 64 * 1024;
