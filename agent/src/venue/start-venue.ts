import type { Logger } from 'pino';
import type { AgentConfig } from '../config/schema.js';
import { KalshiConnector } from '../connectors/kalshi/connector.js';
import { LedgerLocalState } from '../connectors/kalshi/reconcile/ledger-local-state.js';
import { resolveVenueConfig } from '../connectors/kalshi/venue-config.js';
import type { Store } from '../store/index.js';
import { registerSimKey } from './register-sim-key.js';
import { loadOrCreateSimKey } from './sim-key.js';

export interface RunningVenue {
  readonly connector: KalshiConnector;
  stop(): Promise<void>;
}

/**
 * Connects the agent to its venue. Today that is the local simulator (`--env sim` with its URLs):
 * the agent's sim key is registered, then the connector starts in the background (limits →
 * reconcile → stream), and trading stays HALTED until reconciliation has proved the state.
 * Demo and live need the user's Kalshi key from the OS keychain, which the pairing/keychain issue
 * brings; until then the agent runs without a venue and says so. Returns null when no venue runs.
 */
export async function startVenue(
  config: AgentConfig,
  store: Store,
  logger: Logger,
): Promise<RunningVenue | null> {
  if (config.environment !== 'sim') {
    logger.warn(
      { environment: config.environment },
      'no Kalshi credentials can be imported yet (keychain import is not built); running without a venue',
    );
    return null;
  }
  if (config.simVenue === undefined) {
    logger.warn('no simulator URLs configured (--sim-rest/--sim-ws); running without a venue');
    return null;
  }
  const venue = resolveVenueConfig('sim', config.simVenue);
  const key = loadOrCreateSimKey(config.dataDir);
  await registerSimKey(venue.restBaseUrl, key);
  const connector = new KalshiConnector({
    venue,
    credentials: { keyId: key.keyId, privateKey: key.privateKey },
    ledger: store.ledger,
    // Local belief rebuilt from the ledger: after a restart our own resting orders and lost
    // creates are still ours (issue 5: start-up reconciliation "with the ledger").
    local: await LedgerLocalState.open(store.ledger),
    logger: logger.child({ component: 'venue' }),
  });
  connector.onEvent((event) => {
    if (event.type === 'gate_changed') {
      logger.info({ phase: event.gate.phase, reason: event.gate.reason }, `trading gate ${event.gate.phase}`);
    }
  });
  const starting = connector.start().catch((err: unknown) => {
    logger.error({ err }, 'venue connector failed to start; trading stays halted');
  });
  logger.info({ rest: venue.restBaseUrl, ws: venue.wsUrl }, 'venue connector starting');
  return {
    connector,
    stop: async () => {
      await connector.stop();
      await Promise.race([starting, new Promise((resolve) => setTimeout(resolve, 500).unref())]);
    },
  };
}
