import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createApp } from '../../src/api/app.js';
import { createRequestGuard } from '../../src/api/guard/index.js';
import { devicesRoutes } from '../../src/api/routes/devices.routes.js';
import { pairRoutes } from '../../src/api/routes/pair.routes.js';
import { startServer } from '../../src/api/server.js';
import { bearerAuth } from '../../src/auth/bearer.middleware.js';
import { DeviceRegistry } from '../../src/auth/device-registry.js';
import { PairingCodes } from '../../src/auth/pairing-codes.js';
import type { IssuedPairingCode } from '../../src/auth/pairing-codes.js';
import { startControlServer } from '../../src/control/control-server.js';
import { controlHandlers } from '../../src/control/handlers.js';
import { makeTempDir } from '../store/temp-dir.js';

export const PAGE_ORIGIN = 'http://127.0.0.1:47821';

export interface PairingHarness {
  readonly dataDir: string;
  readonly url: string;
  readonly codes: PairingCodes;
  readonly registry: DeviceRegistry;
  /** Every code the agent issued (what its terminal would have shown), oldest first. */
  readonly issued: IssuedPairingCode[];
  /** Every log line written so far. */
  readonly logs: () => string;
  readonly advance: (ms: number) => void;
  /** POST /v1/pair from the page origin (or another one; null: no Origin header). */
  readonly pair: (body: unknown, origin?: string | null) => Promise<Response>;
  readonly close: () => Promise<void>;
}

/**
 * The pairing pieces as the agent wires them: real registry file, real HTTP server on loopback,
 * real control socket, the real request guard in front; only the clock is the test's.
 */
export async function startPairingHarness(idleExpiryDays = 30): Promise<PairingHarness> {
  const temp = makeTempDir('pt-pairing-');
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const logger = pino({ level: 'debug' }, sink);
  let t = Date.now();
  const now = (): number => t;
  const codes = new PairingCodes({ now });
  const issued: IssuedPairingCode[] = [];
  codes.onIssued((code) => issued.push(code));
  const registry = new DeviceRegistry({ dataDir: temp.dir, idleExpiryDays, now });
  let port = 0;
  const app = createApp({
    logger,
    // The real network guard in front, as in the agent: the page origin is an allowed extra origin.
    guard: createRequestGuard({ port: () => port, allowedOrigins: [PAGE_ORIGIN], logger }),
    health: () => ({ status: 'ok', version: '1.0.0', protocolVersion: 1, environment: 'sim' }),
    publicRoutes: [pairRoutes({ codes, devices: registry, logger })],
    protectedApi: {
      authenticate: bearerAuth(registry),
      routes: [devicesRoutes({ devices: registry, logger })],
    },
  });
  const server = await startServer(app, 0);
  port = server.port;
  const control = await startControlServer({
    dataDir: temp.dir,
    handlers: controlHandlers({ codes, devices: registry, canonicalOrigin: () => PAGE_ORIGIN }),
    logger,
  });
  return {
    dataDir: temp.dir,
    url: server.url,
    codes,
    registry,
    issued,
    logs: () => lines.join(''),
    advance: (ms) => void (t += ms),
    pair: (body, origin = PAGE_ORIGIN) =>
      fetch(`${server.url}/v1/pair`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(origin === null ? {} : { origin }) },
        body: JSON.stringify(body),
      }),
    close: async () => {
      await control.close();
      await server.close(100);
      temp.remove();
    },
  };
}
