import type { HealthLight, TradingEnvironment, TradingState } from '@pt/protocol';
import type { Logger } from 'pino';
import type { AgentConfig } from '../config/schema.js';
import type { ConnectorHealth } from '../connectors/kalshi/health.js';
import type { LocalStateStore } from '../connectors/kalshi/reconcile/local-state.js';
import type { CredentialsStore } from '../keychain/types.js';
import type { Store } from '../store/index.js';

/** What the runtime needs of a connector (KalshiConnector has it all). */
export interface EnvironmentConnector {
  /** What we believe rests and is held: the switch gate reads it. */
  readonly local: LocalStateStore;
  tradingState(): TradingState;
  health(): ConnectorHealth;
}

/** `startVenue`'s RunningVenue, reduced to what the runtime uses. */
export interface EnvironmentVenue {
  readonly connector: EnvironmentConnector;
  stop(): Promise<void>;
}

/** Opens (creating, migrating) the environment's own database file. Synchronous, like `openStore`. */
export type OpenEnvironmentStore = (environment: TradingEnvironment) => Store;

/**
 * Connects the environment's venue on its store: resolves once the connector is starting (trading
 * halted until it has reconciled), null when that environment has no venue configured.
 */
export type StartEnvironmentVenue = (
  environment: TradingEnvironment,
  store: Store,
) => Promise<EnvironmentVenue | null>;

export interface EnvironmentRuntimeOptions {
  /** Holds `environment.json` (the persisted switch). */
  dataDir: string;
  config: Pick<AgentConfig, 'environment' | 'environmentSource'>;
  openStore: OpenEnvironmentStore;
  startVenue: StartEnvironmentVenue;
  credentials: CredentialsStore;
  logger: Logger;
  nowMs?: () => number;
}

/** Why no venue runs, as the venue health light shows it. */
export interface NoVenue {
  light: HealthLight;
  /** "Live needs your acknowledgement", "Venue did not start: …". */
  reason: string;
}

export interface CurrentEnvironment {
  environment: TradingEnvironment;
  store: Store;
  /** Null while halted without a venue (see `noVenue`). */
  venue: EnvironmentVenue | null;
  /** When this environment became the current one. */
  sinceMs: number;
  /** Set when `venue` is null. */
  noVenue: NoVenue | undefined;
  /** Started in live without an acknowledgement of the current liability text: trading halted. */
  isAwaitingLiveAck: boolean;
}

/** Called after every completed switch: close every WS (clients reconnect to the new environment), republish health. */
export type SwitchListener = (event: { from: TradingEnvironment; to: TradingEnvironment }) => void;
