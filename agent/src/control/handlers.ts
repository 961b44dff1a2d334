import type { DeviceRegistry } from '../auth/device-registry.js';
import type { PairingCodes } from '../auth/pairing-codes.js';
import { pairUrl } from '../auth/pairing-notice.js';
import { AgentError } from '../lib/errors.js';
import type { ControlHandlers } from './control-server.js';

export interface ControlHandlerDeps {
  codes: Pick<PairingCodes, 'issue'>;
  devices: Pick<DeviceRegistry, 'list' | 'revoke'>;
  /** The agent's own origin (e.g. `http://127.0.0.1:47821`), known once the HTTP server listens. */
  canonicalOrigin: () => string;
  /** Starts the orderly stop (after this answer is written); the same path as SIGTERM. Absent: refused. */
  requestStop?: () => void;
}

/** The control socket's methods over the pairing codes and the device registry. */
export function controlHandlers(deps: ControlHandlerDeps): ControlHandlers {
  return {
    'pairing.issue': () => {
      const { code, expiresAtMs } = deps.codes.issue();
      return { code, expiresAtMs, pairUrl: pairUrl(deps.canonicalOrigin(), code) };
    },
    'devices.list': () => ({ devices: deps.devices.list() }),
    'devices.revoke': ({ params }) => {
      const device = deps.devices.list().find((d) => d.deviceId === params.deviceId);
      if (device === undefined || !deps.devices.revoke(params.deviceId)) {
        throw new AgentError(
          'NOT_FOUND',
          `deviceId: no paired device ${params.deviceId}`,
          {},
          {
            field: 'deviceId',
          },
        );
      }
      return { deviceId: device.deviceId, name: device.name };
    },
    shutdown: () => {
      const { requestStop } = deps;
      if (requestStop === undefined)
        throw new AgentError('CONFLICT', 'this agent cannot be stopped from here');
      // After the answer line is flushed: the stop closes this socket first.
      setTimeout(requestStop, 50);
      return { isStopping: true, pid: process.pid };
    },
  };
}
