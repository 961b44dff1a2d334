/**
 * An EnvironmentRuntime wired like the agent wires it, over a temp data dir: real SQLite store per
 * environment, real KalshiConnector (ledger-backed local belief) against the real simulator for
 * every environment (demo and live are routed to the simulator, each with its own account key,
 * as Kalshi's demo and live are separate accounts).
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  CredentialsOverview,
  KeyedEnvironment,
  PutCredentialsRequest,
  StoredCredentials,
  TradingEnvironment,
} from '@pt/protocol';
import { pino } from 'pino';
import type { AuthenticatedDevice } from '../../src/auth/types.js';
import type { ConfigSource } from '../../src/config/schema.js';
import { KalshiConnector } from '../../src/connectors/kalshi/connector.js';
import { LedgerLocalState } from '../../src/connectors/kalshi/reconcile/ledger-local-state.js';
import { resolveVenueConfig } from '../../src/connectors/kalshi/venue-config.js';
import { EnvironmentRuntime } from '../../src/environment/index.js';
import type { EnvironmentVenue } from '../../src/environment/index.js';
import type { CredentialsStore, LoadedCredentials } from '../../src/keychain/types.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';
import type { SimVenue } from '../helpers/sim-venue.js';

export const logger = pino({ level: 'silent' });

export const device: AuthenticatedDevice = {
  deviceId: 'dev_testdevice01',
  name: 'Test laptop',
  origin: 'http://127.0.0.1:47821',
};

/**
 * CredentialsStore over a Map. Used only until the OS-keychain store lands on main; it keeps the
 * interface's contract (PEM validated by parsing, only id + fingerprint shown back).
 */
export class MapCredentialsStore implements CredentialsStore {
  private readonly keys = new Map<KeyedEnvironment, { keyId: string; pem: string; storedAtMs: number }>();
  isAvailable = true;

  overview(): Promise<CredentialsOverview> {
    const credentials = [...this.keys.entries()].map(([environment, key]) => this.shown(environment, key));
    return Promise.resolve({
      keychain: {
        available: this.isAvailable,
        detail: this.isAvailable ? 'test keychain' : 'no Secret Service',
      },
      credentials: this.isAvailable ? credentials : [],
    });
  }

  put(request: PutCredentialsRequest): Promise<StoredCredentials> {
    createPrivateKey(request.privateKeyPem);
    const key = { keyId: request.keyId, pem: request.privateKeyPem, storedAtMs: Date.now() };
    this.keys.set(request.environment, key);
    return Promise.resolve(this.shown(request.environment, key));
  }

  load(environment: KeyedEnvironment): Promise<LoadedCredentials | null> {
    const key = this.keys.get(environment);
    if (key === undefined) return Promise.resolve(null);
    return Promise.resolve({ environment, keyId: key.keyId, privateKey: createPrivateKey(key.pem) });
  }

  delete(environment: KeyedEnvironment): Promise<boolean> {
    return Promise.resolve(this.keys.delete(environment));
  }

  private shown(environment: KeyedEnvironment, key: { keyId: string; pem: string; storedAtMs: number }) {
    const der = createPublicKey(key.pem).export({ type: 'spki', format: 'der' });
    const fingerprint = `SHA256:${createHash('sha256').update(der).digest('base64').replace(/=+$/, '')}`;
    return { environment, keyId: key.keyId, fingerprint, keyBits: 2048, storedAtMs: key.storedAtMs };
  }
}

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
  const credentials = options.credentials ?? new MapCredentialsStore();
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
