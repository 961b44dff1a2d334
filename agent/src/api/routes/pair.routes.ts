import { Hono } from 'hono';
import type { Logger } from 'pino';
import { PAIR_PATH, PairRequest } from '@pt/protocol';
import type { PairResponse } from '@pt/protocol';
import type { DeviceRegistry } from '../../auth/device-registry.js';
import type { PairingCodes } from '../../auth/pairing-codes.js';
import { AgentError } from '../../lib/errors.js';
import { parseJsonBody } from '../guard/json-body.js';

export interface PairRoutesDeps {
  codes: Pick<PairingCodes, 'redeem'>;
  devices: Pick<DeviceRegistry, 'pair' | 'idleExpiryMs'>;
  logger: Logger;
}

const NEW_CODE_HINT = 'run `pt-agent pair` (or use the tray) for a new code';

/**
 * `POST /v1/pair { code, deviceName }` (public): trades the code the agent shows for a bearer token,
 * returned once. The device is bound to the request's Origin, which the guard has already checked
 * against the allow-list. Wrong codes count; the fifth burns the code (423) and the agent shows a
 * new one. The code itself never appears in a response or a log line.
 */
export function pairRoutes(deps: PairRoutesDeps): Hono {
  return new Hono().post(PAIR_PATH, async (c) => {
    const origin = c.req.header('origin');
    if (origin === undefined || origin === '' || origin === 'null') {
      throw new AgentError(
        'FORBIDDEN',
        'Origin: pairing needs the browser’s Origin header',
        {},
        {
          field: 'Origin',
        },
      );
    }
    const request = await parseJsonBody(c, PairRequest);
    const result = deps.codes.redeem(request.code);
    if (!result.ok) {
      switch (result.reason) {
        case 'wrong':
          throw new AgentError(
            'UNAUTHORIZED',
            `code: wrong pairing code (${result.remainingAttempts} attempts left)`,
            {},
            { field: 'code', reason: 'wrong', remainingAttempts: result.remainingAttempts },
          );
        case 'expired':
        case 'none':
          throw new AgentError(
            'UNAUTHORIZED',
            `code: no valid pairing code (expired or already used); ${NEW_CODE_HINT}`,
            {},
            { field: 'code', reason: 'expired', remainingAttempts: 0 },
          );
        case 'burned':
          throw new AgentError(
            'LOCKED',
            'code: too many attempts; a new code is shown in the agent',
            {},
            {
              field: 'code',
              reason: 'burned',
              remainingAttempts: 0,
            },
          );
      }
    }
    const { token, device } = deps.devices.pair(request.deviceName, origin);
    deps.logger.info({ deviceId: device.deviceId, name: device.name, origin }, 'browser paired');
    const body: PairResponse = { token, deviceId: device.deviceId, idleExpiryMs: deps.devices.idleExpiryMs };
    c.header('Cache-Control', 'no-store');
    return c.json(body, 200);
  });
}
