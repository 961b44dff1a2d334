/**
 * An EnvironmentRuntime wired like the agent wires it, over a temp data dir: real SQLite store per
 * environment, the real OS keychain for demo/live keys (run under scripts/with-keyring.sh, as
 * `npm run test:unit` does), and a real KalshiConnector (ledger-backed local belief) against the
 * real simulator for every environment: demo and live are routed to the simulator, each with its
 * own account key, as Kalshi's demo and live are separate accounts.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyedEnvironment, TradingEnvironment } from '@pt/protocol';
import { pino } from 'pino';
import type { AuthenticatedDevice } from '../../src/auth/types.js';
import type { ConfigSource } from '../../src/config/schema.js';
import { KalshiConnector } from '../../src/connectors/kalshi/connector.js';
import { LedgerLocalState } from '../../src/connectors/kalshi/reconcile/ledger-local-state.js';
import { resolveVenueConfig } from '../../src/connectors/kalshi/venue-config.js';
import { EnvironmentRuntime } from '../../src/environment/index.js';
import type { EnvironmentVenue } from '../../src/environment/index.js';
import { openKeychainCredentialsStore } from '../../src/keychain/index.js';
import type { CredentialsStore } from '../../src/keychain/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';
import type { SimVenue } from '../helpers/sim-venue.js';

export const logger = pino({ level: 'silent' });

export const device: AuthenticatedDevice = {
  deviceId: 'dev_testdevice01',
  name: 'Test laptop',
  origin: 'http://127.0.0.1:47821',
};

/** A fresh key registered (and funded) on the simulator, imported for `environment`. */
export async function importSimAccountKey(
  sim: SimVenue,
  credentials: CredentialsStore,
  environment: KeyedEnvironment,
): Promise<void> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyId = randomUUID();
  const response = await sim.admin('/keys', {
    key_id: keyId,
    public_key_pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  });
  if (response.status !== 201) throw new Error(`sim refused the ${environment} key: ${response.status}`);
  await credentials.put({
    environment,
    keyId,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  });
}

export interface Harness {
  dataDir: string;
  runtime: EnvironmentRuntime;
  credentials: CredentialsStore;
  /** The KalshiConnector of each started venue, newest last (the runtime sees only its interface). */
  connectors: KalshiConnector[];
  /** Opens `ledger-<env>.sqlite` of this data dir directly (close it yourself). */
  openStoreOf(environment: TradingEnvironment): Store;
  cleanup(): Promise<void>;
}

export interface HarnessOptions {
  sim: SimVenue;
  credentials?: CredentialsStore;
  environment?: TradingEnvironment;
  environmentSource?: ConfigSource;
  dataDir?: string;
}

export function createHarness(options: HarnessOptions): Harness {
  const { sim } = options;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pt-env-'));
  const credentials = options.credentials ?? openKeychainCredentialsStore(dataDir);
  const connectors: KalshiConnector[] = [];
  const startVenue = async (
    environment: TradingEnvironment,
    store: Store,
  ): Promise<EnvironmentVenue | null> => {
    const key =
      environment === 'sim'
        ? { keyId: sim.keyId, privateKey: sim.privateKey }
        : await credentials.load(environment);
    if (key === null) return null;
    const connector = new KalshiConnector({
      venue: resolveVenueConfig('sim', { restBaseUrl: sim.rest, wsUrl: sim.ws }),
      credentials: { keyId: key.keyId, privateKey: key.privateKey },
      ledger: store.ledger,
      local: await LedgerLocalState.open(store.ledger),
      logger,
      httpTimeoutMs: 2_000,
    });
    connectors.push(connector);
    const starting = connector.start().catch(() => undefined);
    return {
      connector,
      stop: async () => {
        await connector.stop();
        await Promise.race([starting, new Promise((resolve) => setTimeout(resolve, 500))]);
      },
    };
  };
  const runtime = new EnvironmentRuntime({
    dataDir,
    config: {
      environment: options.environment ?? 'sim',
      environmentSource: options.environmentSource ?? 'default',
    },
    openStore: (environment) => openStore({ dataDir, environment, logger }),
    startVenue,
    credentials,
    logger,
  });
  return {
    dataDir,
    runtime,
    credentials,
    connectors,
    openStoreOf: (environment) => openStore({ dataDir, environment, logger }),
    cleanup: async () => {
      await runtime.stop();
      await Promise.all([credentials.delete('demo'), credentials.delete('live')]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` passes (the connector reconciles in the background). */
export async function eventually(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
