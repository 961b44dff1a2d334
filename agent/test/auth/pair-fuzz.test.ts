import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorBody } from '@pt/protocol';
import { createApp } from '../../src/api/app.js';
import { devicesRoutes } from '../../src/api/routes/devices.routes.js';
import { pairRoutes } from '../../src/api/routes/pair.routes.js';
import { bearerAuth } from '../../src/auth/bearer.middleware.js';
import { DeviceRegistry } from '../../src/auth/device-registry.js';
import { PairingCodes } from '../../src/auth/pairing-codes.js';
import { makeTempDir, silentLogger } from '../store/temp-dir.js';

const ORIGIN = 'http://127.0.0.1:47821';
const SEED = 20_261_125;
const temps: { remove: () => void }[] = [];
afterEach(() => {
  for (const temp of temps.splice(0)) temp.remove();
});

function setup(): { app: ReturnType<typeof createApp>; registry: DeviceRegistry } {
  const temp = makeTempDir('pt-pair-fuzz-');
  temps.push(temp);
  const codes = new PairingCodes();
  codes.issue();
  const registry = new DeviceRegistry({ dataDir: temp.dir, idleExpiryDays: 30 });
  const app = createApp({
    logger: silentLogger,
    health: () => ({ status: 'ok', version: '1.0.0', protocolVersion: 1, environment: 'sim' }),
    publicRoutes: [pairRoutes({ codes, devices: registry, logger: silentLogger })],
    protectedApi: {
      authenticate: bearerAuth(registry),
      routes: [devicesRoutes({ devices: registry, logger: silentLogger })],
    },
  });
  return { app, registry };
}

/** Bodies shaped like PairRequest but wrong somewhere, plus arbitrary JSON. */
const badBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record(
    {
      code: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
      deviceName: fc.oneof(fc.string(), fc.boolean()),
    },
    { requiredKeys: [] },
  ),
  fc.record({
    code: fc.stringMatching(/^[0-9A-Za-z -]{8,20}$/),
    deviceName: fc.string(),
    extra: fc.anything(),
  }),
);

/** Ids as a client might put them in the path; `.` and `..` are URL dot segments, not ids. */
const deviceIdLike = fc
  .oneof(fc.string({ minLength: 1 }), fc.stringMatching(/^dev_[A-Za-z0-9_-]{8,64}$/))
  .filter((id) => id !== '.' && id !== '..');

describe('POST /v1/pair and /v1/devices under generated bad input', () => {
  it('never pairs, never 5xx; every error names the field', async () => {
    const { app, registry } = setup();
    await fc.assert(
      fc.asyncProperty(badBody, async (body) => {
        const res = await app.request('/v1/pair', {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: ORIGIN },
          body: JSON.stringify(body) ?? 'null',
        });
        expect([400, 401, 422, 423]).toContain(res.status);
        const error = ErrorBody.parse(await res.json());
        expect(typeof error.details?.['field']).toBe('string');
        expect(error.message.startsWith(String(error.details?.['field']))).toBe(true);
      }),
      { numRuns: 2_000, seed: SEED },
    );
    expect(registry.list()).toEqual([]);
  });

  it('DELETE /v1/devices/:id with generated ids: 401 without a token, 404/422 with one, never 5xx', async () => {
    const { app, registry } = setup();
    const { token } = registry.pair('Owner', ORIGIN);
    await fc.assert(
      fc.asyncProperty(deviceIdLike, fc.boolean(), async (id, isAuthed) => {
        const res = await app.request(`/v1/devices/${encodeURIComponent(id)}`, {
          method: 'DELETE',
          headers: isAuthed ? { authorization: `Bearer ${token}`, origin: ORIGIN } : { origin: ORIGIN },
        });
        expect(res.status).toBe(isAuthed ? (/^dev_[A-Za-z0-9_-]{8,64}$/.test(id) ? 404 : 422) : 401);
        const error = ErrorBody.parse(await res.json());
        if (isAuthed) expect(error.details).toMatchObject({ field: 'deviceId' });
      }),
      { numRuns: 2_000, seed: SEED },
    );
    expect(registry.list()).toHaveLength(1);
  });
});
