import { existsSync, readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceList, ErrorBody, PairResponse } from '@pt/protocol';
import { createApp } from '../../src/api/app.js';
import { pairRoutes } from '../../src/api/routes/pair.routes.js';
import { DeviceRegistry } from '../../src/auth/device-registry.js';
import { devicesFilePath } from '../../src/auth/devices-file.js';
import { PAIRING_CODE_TTL_MS, PairingCodes } from '../../src/auth/pairing-codes.js';
import { controlRequest } from '../../src/control/control-client.js';
import { makeTempDir, silentLogger } from '../store/temp-dir.js';
import { PAGE_ORIGIN, startPairingHarness } from './pairing-harness.js';
import type { PairingHarness } from './pairing-harness.js';

const harnesses: PairingHarness[] = [];
afterEach(async () => {
  for (const harness of harnesses.splice(0)) await harness.close();
});

async function harness(idleExpiryDays?: number): Promise<PairingHarness> {
  const h = await startPairingHarness(idleExpiryDays);
  harnesses.push(h);
  return h;
}

async function errorOf(res: Response, status: number): Promise<ErrorBody> {
  expect(res.status).toBe(status);
  return ErrorBody.parse(await res.json());
}

async function paired(h: PairingHarness, deviceName = 'Laptop'): Promise<PairResponse> {
  const { code } = h.codes.issue();
  const res = await h.pair({ code, deviceName });
  expect(res.status).toBe(200);
  return PairResponse.parse(await res.json());
}

function get(
  h: PairingHarness,
  path: string,
  token: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${h.url}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
}

function wrongCodeFor(code: string): string {
  return code.startsWith('0') ? '1111-1111' : '0000-0000';
}

describe('POST /v1/pair over loopback HTTP', () => {
  it('trades the code for a token once; the file holds only its hash, mode 0600', async () => {
    const h = await harness();
    const { code } = h.codes.issue();
    const res = await h.pair({ code: code.toLowerCase(), deviceName: ' Laptop ' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = PairResponse.parse(await res.json());
    expect(body.idleExpiryMs).toBe(30 * 86_400_000);
    const file = devicesFilePath(h.dataDir);
    expect(readFileSync(file, 'utf8')).not.toContain(body.token);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(h.logs()).not.toContain(body.token);
    expect(h.logs()).not.toContain(code);
    expect(h.logs()).toContain(body.deviceId);

    const list = DeviceList.parse(
      await (await get(h, '/v1/devices', body.token, { origin: PAGE_ORIGIN })).json(),
    );
    expect(list.devices).toEqual([
      expect.objectContaining({
        deviceId: body.deviceId,
        name: 'Laptop',
        origin: PAGE_ORIGIN,
        isCurrent: true,
      }),
    ]);
    // Single use.
    const again = await errorOf(await h.pair({ code, deviceName: 'Other' }), 401);
    expect(again.details).toMatchObject({ field: 'code', reason: 'expired' });
  });

  it('counts wrong codes, then burns the code (423) and the agent shows a new one', async () => {
    const h = await harness();
    const first = h.codes.issue();
    const wrong = wrongCodeFor(first.code);
    for (let left = 4; left >= 1; left -= 1) {
      const body = await errorOf(await h.pair({ code: wrong, deviceName: 'Mallory' }), 401);
      expect(body).toMatchObject({
        code: 'UNAUTHORIZED',
        details: { field: 'code', remainingAttempts: left },
      });
      expect(body.message).toBe(`code: wrong pairing code (${left} attempts left)`);
    }
    const locked = await errorOf(await h.pair({ code: wrong, deviceName: 'Mallory' }), 423);
    expect(locked).toMatchObject({
      code: 'LOCKED',
      message: 'code: too many attempts; a new code is shown in the agent',
    });
    expect(h.issued).toHaveLength(2);
    expect(existsSync(devicesFilePath(h.dataDir))).toBe(false); // no state change from any failure
    expect((await h.pair({ code: first.code, deviceName: 'Late' })).status).toBe(401);
    const fresh = h.issued[1];
    if (fresh === undefined) throw new Error('no new code');
    expect((await h.pair({ code: fresh.code, deviceName: 'Owner' })).status).toBe(200);
  });

  it('refuses an expired code', async () => {
    const h = await harness();
    const { code } = h.codes.issue();
    h.advance(PAIRING_CODE_TTL_MS);
    const body = await errorOf(await h.pair({ code, deviceName: 'Slow' }), 401);
    expect(body.message).toMatch(/^code: no valid pairing code \(expired or already used\)/);
    expect(existsSync(devicesFilePath(h.dataDir))).toBe(false);
  });

  it('validates the body before spending an attempt, naming the field', async () => {
    const h = await harness();
    const { code } = h.codes.issue();
    expect(await errorOf(await h.pair({ code }), 422)).toMatchObject({ details: { field: 'deviceName' } });
    expect(await errorOf(await h.pair({ code: 'ab!', deviceName: 'X' }), 422)).toMatchObject({
      details: { field: 'code' },
    });
    const wrong = await errorOf(await h.pair({ code: wrongCodeFor(code), deviceName: 'X' }), 401);
    expect(wrong.details).toMatchObject({ remainingAttempts: 4 });
  });

  it('needs an allowed Origin to bind the device to; a refusal spends no attempt', async () => {
    const h = await harness();
    const { code } = h.codes.issue();
    for (const origin of [null, 'null', 'http://evil.example']) {
      expect((await h.pair({ code, deviceName: 'X' }, origin)).status).toBe(403);
    }
    const res = await h.pair({ code, deviceName: 'X' });
    expect(res.status).toBe(200);
  });
});

describe('/v1/devices and the bearer token over loopback HTTP', () => {
  it('revokes via the API: 204, then that token is refused at once; unknown 404; malformed 422', async () => {
    const h = await harness();
    const keep = await paired(h, 'Keep');
    const drop = await paired(h, 'Drop');
    const res = await fetch(`${h.url}/v1/devices/${drop.deviceId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${keep.token}`, origin: PAGE_ORIGIN },
    });
    expect(res.status).toBe(204);
    const refused = await errorOf(await get(h, '/v1/devices', drop.token), 401);
    expect(refused.message).toMatch(/^token revoked/);
    const unknown = await fetch(`${h.url}/v1/devices/dev_nosuchdevice`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${keep.token}`, origin: PAGE_ORIGIN },
    });
    expect(await errorOf(unknown, 404)).toMatchObject({ details: { field: 'deviceId' } });
    const malformed = await fetch(`${h.url}/v1/devices/laptop`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${keep.token}`, origin: PAGE_ORIGIN },
    });
    const body = await errorOf(malformed, 422);
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'deviceId' } });
    expect(body.message).toMatch(/^deviceId: /);
  });

  it('revokes via the control socket: the HTTP token is refused at once', async () => {
    const h = await harness();
    const device = await paired(h);
    expect((await get(h, '/v1/devices', device.token)).status).toBe(200);
    const { devices } = await controlRequest(h.dataDir, { method: 'devices.list' });
    expect(devices.map((d) => d.deviceId)).toEqual([device.deviceId]);
    await controlRequest(h.dataDir, { method: 'devices.revoke', params: { deviceId: device.deviceId } });
    expect((await errorOf(await get(h, '/v1/devices', device.token), 401)).message).toMatch(/^token revoked/);
  });

  it('a code from the control socket pairs over HTTP', async () => {
    const h = await harness();
    const issued = await controlRequest(h.dataDir, { method: 'pairing.issue' });
    expect(issued.pairUrl).toBe(`${PAGE_ORIGIN}/pair#${issued.code}`);
    expect((await h.pair({ code: issued.code, deviceName: 'Via CLI' })).status).toBe(200);
  });

  it('refuses an idle-expired token ("pair this browser again") and forgets the device', async () => {
    const h = await harness(1);
    const device = await paired(h);
    h.advance(86_400_000 + 1);
    const body = await errorOf(await get(h, '/v1/devices', device.token), 401);
    expect(body.message).toMatch(/pair this browser again$/);
    expect(body.details).toMatchObject({ reason: 'expired' });
    expect(h.registry.list()).toEqual([]);
  });

  it('refuses a token in the query string, and never logs it', async () => {
    const h = await harness();
    const device = await paired(h);
    const res = await fetch(`${h.url}/v1/devices?access_token=${device.token}`);
    expect(await errorOf(res, 400)).toMatchObject({ details: { field: 'access_token' } });
    expect(h.logs()).not.toContain(device.token);
  });

  it('refuses the token from an origin other than the one that paired', async () => {
    const h = await harness();
    const device = await paired(h);
    // The agent's own origin passes the guard, but this token belongs to the page origin.
    const body = await errorOf(await get(h, '/v1/devices', device.token, { origin: h.url }), 401);
    expect(body.details).toMatchObject({ reason: 'origin' });
    // A foreign origin never gets that far.
    expect((await get(h, '/v1/devices', device.token, { origin: 'http://evil.example' })).status).toBe(403);
  });

  it('refuses missing and malformed Authorization headers with WWW-Authenticate', async () => {
    const h = await harness();
    const missing = await fetch(`${h.url}/v1/devices`);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect((await errorOf(missing, 401)).details).toMatchObject({ reason: 'missing' });
    const malformed = await fetch(`${h.url}/v1/devices`, { headers: { authorization: 'Bearer nope' } });
    expect((await errorOf(malformed, 401)).details).toMatchObject({ reason: 'malformed' });
  });
});

describe('pairRoutes without the guard in front', () => {
  it('still refuses to pair without an Origin to bind the device to, spending no attempt', async () => {
    const temp = makeTempDir('pt-pair-noguard-');
    try {
      const codes = new PairingCodes();
      const registry = new DeviceRegistry({ dataDir: temp.dir, idleExpiryDays: 30 });
      const app = createApp({
        logger: silentLogger,
        health: () => ({ status: 'ok', version: '1.0.0', protocolVersion: 1, environment: 'sim' }),
        publicRoutes: [pairRoutes({ codes, devices: registry, logger: silentLogger })],
      });
      const { code } = codes.issue();
      const post = (headers: Record<string, string>): Promise<Response> =>
        Promise.resolve(
          app.request('/v1/pair', {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body: JSON.stringify({ code, deviceName: 'X' }),
          }),
        );
      const noOrigin: Record<string, string>[] = [{}, { origin: 'null' }, { origin: '' }];
      for (const headers of noOrigin) {
        expect(await errorOf(await post(headers), 403)).toMatchObject({ details: { field: 'Origin' } });
      }
      expect((await post({ origin: PAGE_ORIGIN })).status).toBe(200);
      expect(registry.list().map((d) => d.origin)).toEqual([PAGE_ORIGIN]);
    } finally {
      temp.remove();
    }
  });
});
