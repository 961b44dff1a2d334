import type { AgentStatus, HealthResponse } from '@pt/protocol';
import { PROTOCOL_VERSION } from '@pt/protocol';
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import {
  ActivityFeed,
  ActivityRecorder,
  bridgeConnectorActivity,
  tradingStateChanged,
} from '../activity/index.js';
import type { ActivitySource } from '../activity/index.js';
import { createApp } from '../api/app.js';
import { createRequestGuard } from '../api/guard/index.js';
import type { RequestGuard } from '../api/guard/index.js';
import { BacktestFiles, backtestsRoutes } from '../api/backtests/index.js';
import { activityRoutes } from '../api/routes/activity.routes.js';
import { credentialsRoutes } from '../api/routes/credentials.routes.js';
import { devicesRoutes } from '../api/routes/devices.routes.js';
import { environmentRoutes } from '../api/routes/environment.routes.js';
import { flattenRoutes } from '../api/routes/flatten.routes.js';
import { marketsRoutes } from '../api/routes/markets.routes.js';
import { marketTradesRoutes } from '../api/routes/market-trades.routes.js';
import { ordersRoutes } from '../api/routes/orders.routes.js';
import { portfolioRoutes } from '../api/routes/portfolio.routes.js';
import { pairRoutes } from '../api/routes/pair.routes.js';
import { sentimentRoutes } from '../api/routes/sentiment.routes.js';
import { statusRoutes } from '../api/routes/status.routes.js';
import { tradingControlsRoutes } from '../api/routes/trading-controls.routes.js';
import { strategiesRoutes } from '../api/routes/strategies.routes.js';
import { StrategyHost } from '../strategy-host/index.js';
import { ModelFeed } from '../strategy-host/model-feed.js';
import type { ModelBookSource } from '../strategy-host/model-feed.js';
import { StreamCloseCode, StreamHub, createStreamServer } from '../api/stream/index.js';
import type { StreamServer } from '../api/stream/index.js';
import { StatusPublisher } from '../api/stream/status-publisher.js';
import { defaultWebRoot, staticSiteRoutes } from '../api/static/index.js';
import { bearerAuth } from '../auth/bearer.middleware.js';
import { DeviceRegistry } from '../auth/device-registry.js';
import { PairingCodes } from '../auth/pairing-codes.js';
import type { AgentConfig } from '../config/schema.js';
import { HealthReporter } from '../environment/index.js';
import type { ShutdownCancelReport } from '../lifecycle/shutdown-cancel.js';
import type { EnvironmentRuntime } from '../environment/index.js';
import { KalshiConnector } from '../connectors/kalshi/connector.js';
import { CLIENT_ORDER_ID_PREFIX } from '../execution/execution-service.js';
import { BookPublisher } from '../market-data/book-publisher.js';
import type { BookSource } from '../market-data/book-publisher.js';
import { ExecutionHost } from '../execution/execution-host.js';
import { RiskCaches } from '../execution/index.js';
import { FlattenService, currentFlattenVenue } from '../flatten/index.js';
import type { CredentialsStore } from '../keychain/index.js';
import { PortfolioHost, PortfolioQueries } from '../portfolio/index.js';
import { createSentimentMonitor } from '../sentiment/index.js';
import type { SentimentMonitor } from '../sentiment/index.js';
import type { Store } from '../store/index.js';
import { AGENT_VERSION } from '../lib/version.js';
import { TradingControls } from '../trading-controls/trading-controls.js';

export interface AgentApiDeps {
  config: AgentConfig;
  logger: Logger;
  runtime: EnvironmentRuntime;
  credentials: CredentialsStore;
  agentStatus: () => AgentStatus;
  /** The built PWA served on the agent's origin; default web/dist of this checkout (defaultWebRoot). */
  webRoot?: string;
}

export interface AgentApi {
  app: Hono;
  stream: StreamServer;
  guard: RequestGuard;
  codes: PairingCodes;
  devices: DeviceRegistry;
  publisher: StatusPublisher;
  /** In-process services the tray adapter calls (the same ones the routes use). */
  reporter: HealthReporter;
  controls: TradingControls;
  flatten: FlattenService;
  /**
   * The activity feed follows each venue the runtime starts, recording into that venue's own
   * store, so a stopping connector's last events never land in the next environment's ledger.
   */
  attachVenue(connector: ActivitySource & BookSource & ModelBookSource, store: Pick<Store, 'ledger'>): void;
  /** Stops the execution host's timers and closes its service (before the runtime stops the store). */
  close(): void;
  /**
   * Before exit, while the venue still runs: our resting orders canceled per the risk settings
   * (`cancelOrdersOnShutdown`, bounded by `shutdownCancelDeadlineMs`); never rejects.
   */
  cancelRestingForShutdown(): Promise<ShutdownCancelReport | null>;
  /** The shutdown cancel's deadline now (0 when off), so the stop's hard deadline can grow by it. */
  shutdownCancelBudgetMs(): number;
  /** The port the server got (`--port 0`): the Host and Origin allow-lists follow it. */
  setPort(port: number): void;
}

/**
 * The agent's whole loopback surface: the guard in front of everything, health and pairing in the
 * open, the rest behind a paired device's bearer token, and the WS stream with the same rules.
 */
export function buildAgentApi(deps: AgentApiDeps): AgentApi {
  const { config, logger, runtime } = deps;
  let boundPort = config.port;
  const guard = createRequestGuard({ port: () => boundPort, allowedOrigins: config.allowedOrigins, logger });
  const devices = new DeviceRegistry({
    dataDir: config.dataDir,
    idleExpiryDays: config.deviceIdleExpiryDays,
  });
  const codes = new PairingCodes();
  const controls = new TradingControls({
    runtime,
    logger,
    // Resuming is the human acknowledgement of a broken venue API contract (it re-reds on the next drift).
    onHumanResume: (device) => {
      const venue = currentMarketsVenue(runtime);
      if (venue === null || venue.contract.state().status === 'green') return;
      logger.warn({ deviceId: device.deviceId }, 'venue API contract violations acknowledged by a resume');
      venue.contract.acknowledge();
    },
  });
  // Health and status show the effective trading state: the trader's switch, a persistent system
  // halt and the venue gate, the most restrictive wins.
  let sentiment: SentimentMonitor | undefined;
  const reporter = new HealthReporter({
    current: () => runtime.current(),
    switchingTo: () => runtime.switchingTo(),
    tradingState: () => controls.tradingState(),
    sentiment: () => sentiment?.health(),
    // The model registry (loaded by the model feed below): per-model version, age, stale, gate.
    models: () => models.health(),
  });
  const hub = new StreamHub();
  const publisher = new StatusPublisher(
    hub,
    { healthDetail: (status) => reporter.healthDetail(status), tradingState: () => controls.tradingState() },
    deps.agentStatus,
  );
  controls.onTradingStateChanged(() => publisher.publishChanges());
  const recorder = new ActivityRecorder({ ledger: () => runtime.current().store.ledger, hub });
  // Every recorded switch change or system halt is a line in the feed (the venue gate's come from the bridge).
  controls.onTradingStateChanged(({ environment, tradingState }) => {
    recorder.record(tradingStateChanged(tradingState, environment)).catch((err: unknown) => {
      logger.warn({ err }, 'trading state change not recorded in the activity feed');
    });
  });
  // The sentiment service's decayed signals and kill switch (issue 9), when vibe is configured.
  if (config.vibe !== undefined) {
    sentiment = createSentimentMonitor(config.vibe, { record: (input) => recorder.record(input), logger });
    sentiment.killSwitch.onChange(() => publisher.publishChanges());
    sentiment.start();
  }
  // `market:<ticker>` streams: a snapshot on subscribe, then coalesced deltas of the venue's book.
  const books = new BookPublisher({ hub, logger: logger.child({ component: 'books' }) });
  const feed = new ActivityFeed(() => runtime.current().store);
  const portfolio = new PortfolioHost({
    runtime,
    logger,
    timeZone: config.timeZone,
    hub,
    activity: recorder,
    controls,
  });
  const riskCaches = new RiskCaches({ logger });
  const execution = new ExecutionHost({
    runtime,
    logger,
    tradingState: () => controls.tradingState(),
    riskSettings: () => controls.riskSettings(),
    activity: recorder,
    portfolio: () => portfolio.riskInputs(),
    // Pre-trade risk inputs from memory (REST baseline + the venue's stream), REST when invalid.
    riskCaches,
    // Every committed transition of our orders on the `orders` stream (the web follows it).
    onOrderChanged: (order) => hub.publish({ type: 'order.updated', stream: 'orders', order }),
  });
  // Strategies (disabled by default): the venue's events in, intents down the execution road.
  // The signal model behind the strategies' model gate (models/manifest.json, verified at load).
  const models = new ModelFeed({ logger: logger.child({ component: 'models' }) });
  const strategies = new StrategyHost({
    current: () => ({ store: runtime.current().store, venue: currentMarketsVenue(runtime) }),
    execution: () => execution.current(),
    activity: recorder,
    sentiment: () => sentiment,
    model: (strategyId, ticker) => models.model(strategyId, ticker),
    logger: logger.child({ component: 'strategies' }),
  });
  // Flatten All: halt, cancel everything, close every venue position through the execution road.
  const flatten = new FlattenService({
    controls,
    execution: () => execution.current(),
    venue: () => currentFlattenVenue(runtime),
    ledger: () => runtime.current().store.ledger,
    hub,
    activity: recorder,
    logger: logger.child({ component: 'flatten' }),
  });
  const health = (): HealthResponse => ({
    status: deps.agentStatus(),
    version: AGENT_VERSION,
    protocolVersion: PROTOCOL_VERSION,
    environment: runtime.current().environment,
  });
  const app = createApp({
    logger,
    health,
    guard,
    publicRoutes: [
      pairRoutes({ codes, devices, logger }),
      staticSiteRoutes({ root: deps.webRoot ?? defaultWebRoot() }),
    ],
    protectedApi: {
      authenticate: bearerAuth(devices),
      routes: [
        devicesRoutes({ devices, logger }),
        statusRoutes({ reporter, agentStatus: deps.agentStatus }),
        environmentRoutes(runtime),
        credentialsRoutes(deps.credentials),
        tradingControlsRoutes(controls),
        ordersRoutes({ execution: () => execution.current() }),
        activityRoutes(feed),
        flattenRoutes(flatten),
        portfolioRoutes(new PortfolioQueries(() => portfolio.current())),
        marketsRoutes({ venue: () => currentMarketsVenue(runtime) }),
        marketTradesRoutes({ venue: () => currentMarketsVenue(runtime) }),
        sentimentRoutes(() => sentiment),
        strategiesRoutes(strategies),
        backtestsRoutes(BacktestFiles.inDataDir(config.dataDir, logger)),
      ],
    },
  });
  const stream = createStreamServer({
    guard,
    verifier: devices,
    revocations: devices,
    hub,
    environment: () => runtime.current().environment,
    agentVersion: AGENT_VERSION,
    logger: logger.child({ component: 'stream' }),
  });
  runtime.onSwitched(({ from, to }) => {
    // Every client reconnects, sees the new environment and a new stream epoch in hello.
    stream.closeAll(StreamCloseCode.ENVIRONMENT_CHANGED, `environment changed from ${from} to ${to}`);
    hub.reset();
    books.forgetSent();
    publisher.republish();
  });
  return {
    app,
    stream,
    guard,
    codes,
    devices,
    publisher,
    reporter,
    controls,
    flatten,
    setPort: (port) => {
      boundPort = port;
    },
    attachVenue: (connector, store) => {
      books.attach(connector);
      models.attach(connector);
      const venueRecorder = new ActivityRecorder({ ledger: () => store.ledger, hub });
      // Our orders' steps come from the execution road; the bridge reports only external orders.
      const isOwnOrder = (clientOrderId: string): boolean => {
        try {
          return execution.current().isOwnClientOrderId(clientOrderId);
        } catch {
          return clientOrderId.startsWith(CLIENT_ORDER_ID_PREFIX);
        }
      };
      bridgeConnectorActivity(connector, venueRecorder, logger.child({ component: 'activity' }), isOwnOrder);
    },
    cancelRestingForShutdown: async () =>
      execution.cancelRestingForShutdown().catch((err: unknown) => {
        logger.error({ err }, 'shutdown cancel failed');
        return null;
      }),
    shutdownCancelBudgetMs: () => execution.shutdownCancelBudgetMs(),
    close: () => {
      void sentiment?.stop();
      strategies.close();
      execution.close();
      riskCaches.close();
      void models.close();
      portfolio.close();
      books.close();
      feed.close();
    },
  };
}

/** The running Kalshi connector as the markets list reads it; null while none runs. */
function currentMarketsVenue(runtime: EnvironmentRuntime): KalshiConnector | null {
  const connector = runtime.current().venue?.connector;
  return connector instanceof KalshiConnector ? connector : null;
}
