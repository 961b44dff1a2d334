import { Hono } from 'hono';
import { z } from 'zod';
import type { Logger } from 'pino';
import { DEVICES_PATH, DeviceId, validationErrorBody } from '@pt/protocol';
import type { DeviceList } from '@pt/protocol';
import type { DeviceRegistry } from '../../auth/device-registry.js';
import { AgentError } from '../../lib/errors.js';
import type { ApiEnv } from '../api-env.js';

const DeviceParams = z.strictObject({ deviceId: DeviceId });

export interface DevicesRoutesDeps {
  devices: Pick<DeviceRegistry, 'list' | 'revoke'>;
  logger: Logger;
}

/**
 * `GET /v1/devices` lists paired browsers (`isCurrent` marks the caller); `DELETE
 * /v1/devices/:deviceId` unpairs one at once (its token stops working, its sockets close).
 * Behind the bearer middleware.
 */
export function devicesRoutes(deps: DevicesRoutesDeps): Hono<ApiEnv> {
  return new Hono<ApiEnv>()
    .get(DEVICES_PATH, (c) => {
      const current = c.get('device').deviceId;
      const body: DeviceList = {
        devices: deps.devices.list().map((d) => ({ ...d, isCurrent: d.deviceId === current })),
      };
      c.header('Cache-Control', 'no-store');
      return c.json(body);
    })
    .delete(`${DEVICES_PATH}/:deviceId`, (c) => {
      const parsed = DeviceParams.safeParse({ deviceId: c.req.param('deviceId') });
      if (!parsed.success) {
        const body = validationErrorBody(parsed.error);
        throw new AgentError(body.code, body.message, {}, body.details);
      }
      const { deviceId } = parsed.data;
      if (!deps.devices.revoke(deviceId)) {
        throw new AgentError(
          'NOT_FOUND',
          `deviceId: no paired device ${deviceId}`,
          {},
          { field: 'deviceId' },
        );
      }
      deps.logger.info({ deviceId, by: c.get('device').deviceId }, 'device revoked');
      return c.body(null, 204);
    });
}
