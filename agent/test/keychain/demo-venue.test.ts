import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { signKalshiRequest } from '../../src/connectors/kalshi/http/sign.js';
import { KALSHI_VENUE_URLS } from '../../src/connectors/kalshi/venue-config.js';
import { KalshiStream } from '../../src/connectors/kalshi/ws/index.js';
import { openKeychainCredentialsStore } from '../../src/keychain/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';
import { registerSimKey } from '../../src/venue/register-sim-key.js';
import { startVenue } from '../../src/venue/start-venue.js';
import type { RunningVenue, VenueTransport } from '../../src/venue/start-venue.js';
import { startSimVenue } from '../helpers/sim-venue.js';
import type { SimVenue } from '../helpers/sim-venue.js';
import { leakedMarkers, makeTestKey, requireKeychain, tempDir } from './keyring-env.js';

function capturingLogger(): { logger: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, sink), lines };
}

function demoConfig(dataDir: string) {
  return loadConfig({
    flags: { env: 'demo', dataDir, port: '0' },
    env: {},
    platform: process.platform,
    cwd: dataDir,
  });
}

/** Kalshi's demo hosts answered by the simulator: the connector keeps its demo URLs and signs as for Kalshi. */
function demoViaSim(sim: SimVenue): { transport: VenueTransport; restUrls: string[]; wsUrls: string[] } {
  const restUrls: string[] = [];
  const wsUrls: string[] = [];
  const simOrigin = new URL(sim.rest).origin;
  const transport: VenueTransport = {
    fetch: (input, init) => {
      if (typeof input !== 'string') throw new Error('the connector fetches by URL string');
      restUrls.push(input);
      const url = new URL(input);
      return fetch(`${simOrigin}${url.pathname}${url.search}`, init);
    },
    createStream: (options) => {
      wsUrls.push(options.wsUrl);
      return new KalshiStream({ ...options, wsUrl: sim.ws });
    },
  };
  return { transport, restUrls, wsUrls };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let cleanups: (() => Promise<unknown> | undefined)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});
beforeEach(requireKeychain);

function openDemoStore(dataDir: string, logger: pino.Logger): Store {
  const store = openStore({ dataDir, environment: 'demo', logger });
  cleanups.push(() => store.close());
  return store;
}

describe('startVenue on demo with the key from the OS keychain', () => {
  it('points the connector at Kalshi demo and signs with the imported key (the simulator accepts it)', async () => {
    const dataDir = tempDir();
    const key = makeTestKey();
    const credentials = openKeychainCredentialsStore(dataDir);
    await credentials.put({ environment: 'demo', keyId: key.keyId, privateKeyPem: key.pem });
    cleanups.push(() => credentials.delete('demo'));
    const sim = await startSimVenue();
    cleanups.push(() => sim.stop());
    await registerSimKey(sim.rest, {
      keyId: key.keyId,
      privateKey: key.privateKey,
      publicKeyPem: key.publicKeyPem,
    });
    const { logger, lines } = capturingLogger();
    const route = demoViaSim(sim);

    const venue: RunningVenue | null = await startVenue(
      demoConfig(dataDir),
      openDemoStore(dataDir, logger),
      logger,
      {
        credentials,
        transport: route.transport,
      },
    );
    if (venue === null) throw new Error(`no venue started: ${lines.join('')}`);
    cleanups.push(() => venue.stop());

    // Reconciled over signed REST and a signed WS upgrade: the simulator verified the imported key.
    await waitFor(() => venue.connector.gate.isOpen, 'the trading gate to open');
    expect(await venue.connector.http.getBalance()).toBeDefined();
    expect(route.restUrls.length).toBeGreaterThan(0);
    for (const url of route.restUrls)
      expect(url.startsWith(`${KALSHI_VENUE_URLS.demo.restBaseUrl}/`)).toBe(true);
    expect(route.wsUrls).toEqual([KALSHI_VENUE_URLS.demo.wsUrl]);
    expect(lines.join('')).toContain(key.keyId);
    expect(leakedMarkers(key, lines.join(''))).toEqual([]);

    // Control: the simulator does check signatures, so another key is refused.
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const path = `${new URL(sim.rest).pathname}/portfolio/balance`;
    const refused = await fetch(`${sim.rest}/portfolio/balance`, {
      headers: {
        ...signKalshiRequest({ keyId: randomUUID(), privateKey: stranger }, 'GET', path, Date.now()),
      },
    });
    expect(refused.status).toBe(401);
  });

  it('runs without a venue and names the import command when demo has no key', async () => {
    const dataDir = tempDir();
    const { logger, lines } = capturingLogger();
    const venue = await startVenue(demoConfig(dataDir), openDemoStore(dataDir, logger), logger, {
      credentials: openKeychainCredentialsStore(dataDir),
    });
    expect(venue).toBeNull();
    expect(lines.join('')).toContain('keys import --env demo --key-id ID --pem FILE');
  });
});
