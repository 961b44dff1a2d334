import type { Logger } from 'pino';
import type { AgentConfig } from '../config/schema.js';
import { resolveVenueConfig } from '../connectors/kalshi/venue-config.js';
import { openKeychainCredentialsStore } from '../keychain/index.js';
import type { CredentialsStore } from '../keychain/index.js';
import type { Store } from '../store/index.js';
import { loadKeyedCredentials } from './keyed-credentials.js';
import { registerSimKey } from './register-sim-key.js';
import { runConnector } from './run-connector.js';
import type { RunningVenue, VenueTransport } from './run-connector.js';
import { loadOrCreateSimKey } from './sim-key.js';

export type { RunningVenue, VenueTransport } from './run-connector.js';

export interface StartVenueDeps {
  /**
   * Where demo and live keys live; default the OS keychain store of `config.dataDir`. The sim uses
   * its own key in the data dir.
   */
  credentials?: CredentialsStore;
  /** Default: the network (see VenueTransport). */
  transport?: VenueTransport;
}

/**
 * Connects the agent to its venue, resolving once the connector is starting (trading HALTED until
 * reconciliation has proved the state); null when no venue runs.
 * - sim: the simulator's URLs from configuration, the agent's own sim key (registered over the
 *   sim's admin API).
 * - demo / live: Kalshi's URLs and the user's key from the OS keychain; without a key or without a
 *   keychain the agent runs without a venue and the warning says how to fix it.
 */
export async function startVenue(
  config: AgentConfig,
  store: Store,
  logger: Logger,
  deps: StartVenueDeps = {},
): Promise<RunningVenue | null> {
  const transport = deps.transport === undefined ? {} : { transport: deps.transport };
  if (config.environment !== 'sim') {
    const loaded = await loadKeyedCredentials(
      config.environment,
      deps.credentials ?? openKeychainCredentialsStore(config.dataDir),
      logger,
    );
    if (loaded === null) return null;
    const venue = resolveVenueConfig(config.environment);
    return runConnector({ venue, credentials: loaded, store, logger, ...transport });
  }
  if (config.simVenue === undefined) {
    logger.warn('no simulator URLs configured (--sim-rest/--sim-ws); running without a venue');
    return null;
  }
  const venue = resolveVenueConfig('sim', config.simVenue);
  const key = loadOrCreateSimKey(config.dataDir);
  await registerSimKey(venue.restBaseUrl, key);
  return runConnector({ venue, credentials: key, store, logger, ...transport });
}
