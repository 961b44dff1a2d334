import type { Logger } from 'pino';
import type { KalshiCredentials } from '../connectors/kalshi/credentials.js';
import { KalshiConnector } from '../connectors/kalshi/connector.js';
import type { KalshiConnectorOptions } from '../connectors/kalshi/connector.js';
import { LedgerLocalState } from '../connectors/kalshi/reconcile/ledger-local-state.js';
import type { VenueConfig } from '../connectors/kalshi/venue-config.js';
import { CLIENT_ORDER_ID_PREFIX } from '../execution/execution-service.js';
import type { Store } from '../store/index.js';

export interface RunningVenue {
  readonly connector: KalshiConnector;
  stop(): Promise<void>;
}

/**
 * How the connector reaches the venue: HTTP fetch and WS stream factory. Default: the network.
 * Tests route Kalshi's demo hosts to the local simulator with it, leaving the venue URLs (and
 * their checks in venue-config.ts) untouched.
 */
export type VenueTransport = Pick<KalshiConnectorOptions, 'fetch' | 'createStream'>;

export interface RunConnectorOptions {
  venue: VenueConfig;
  credentials: KalshiCredentials;
  store: Store;
  logger: Logger;
  transport?: VenueTransport;
}

/**
 * Builds the connector and starts it in the background (limits → reconcile → stream); trading
 * stays HALTED until reconciliation has proved the state. The same code for sim, demo and live:
 * only the venue URLs and the key differ.
 */
export async function runConnector(options: RunConnectorOptions): Promise<RunningVenue> {
  const { venue, store, logger } = options;
  const connector = new KalshiConnector({
    venue,
    credentials: options.credentials,
    ledger: store.ledger,
    // Local belief rebuilt from the ledger: after a restart our own resting orders and lost
    // creates are still ours (issue 5: start-up reconciliation "with the ledger").
    local: await LedgerLocalState.open(store.ledger),
    logger: logger.child({ component: 'venue' }),
    // Orders this agent placed carry its client order id prefix: reconciliation never imports them
    // as external, even when the venue's snapshot sees one before our ack is recorded.
    reconcile: { isOwnClientOrderId: (id) => id.startsWith(CLIENT_ORDER_ID_PREFIX) },
    ...(options.transport?.fetch === undefined ? {} : { fetch: options.transport.fetch }),
    ...(options.transport?.createStream === undefined
      ? {}
      : { createStream: options.transport.createStream }),
  });
  connector.onEvent((event) => {
    if (event.type === 'gate_changed') {
      logger.info({ phase: event.gate.phase, reason: event.gate.reason }, `trading gate ${event.gate.phase}`);
    }
  });
  const starting = connector.start().catch((err: unknown) => {
    logger.error({ err }, 'venue connector failed to start; trading stays halted');
  });
  logger.info(
    { environment: venue.environment, rest: venue.restBaseUrl, ws: venue.wsUrl },
    'venue connector starting',
  );
  return {
    connector,
    stop: async () => {
      await connector.stop();
      await Promise.race([starting, new Promise((resolve) => setTimeout(resolve, 500).unref())]);
    },
  };
}
