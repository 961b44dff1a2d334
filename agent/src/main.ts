import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROTOCOL_VERSION } from '@pt/protocol';
import type { AgentStatus } from '@pt/protocol';
import { startServer } from './api/server.js';
import type { RunningServer } from './api/server.js';
import type { AgentConfig } from './config/schema.js';
import { createAgentLogger } from './lib/logger.js';
import type { AgentLogger } from './lib/logger.js';
import { AGENT_VERSION } from './lib/version.js';
import { removeDiscovery, writeDiscovery } from './process/discovery.js';
import { exitAfterFlush } from './process/exit.js';
import { handleFatalErrors } from './process/fatal-errors.js';
import { acquireInstanceLock } from './process/lock.js';
import { announceReady } from './process/ready-line.js';
import { handleStopSignals } from './process/signals.js';
import { formatPairingNotice, pairUrl } from './auth/pairing-notice.js';
import { startControlServer } from './control/control-server.js';
import type { RunningControlServer } from './control/control-server.js';
import { controlHandlers } from './control/handlers.js';
import { EnvironmentRuntime } from './environment/index.js';
import { openKeychainCredentialsStore } from './keychain/index.js';
import type { KeychainCredentialsStore } from './keychain/index.js';
import { openStore } from './store/index.js';
import { startVenue } from './venue/start-venue.js';
import { buildAgentApi } from './wiring/agent-api.js';
import type { AgentApi } from './wiring/agent-api.js';
import { startTrayIfPossible } from './tray/index.js';
import type { RunningTray } from './tray/index.js';

/** The contract: gone within 5 s of SIGINT/SIGTERM. */
const HARD_STOP_DEADLINE_MS = 4_500;
/** Share of that budget in-flight HTTP requests get before their sockets are cut. */
const HTTP_DRAIN_GRACE_MS = 1_500;

export interface RunAgentIo {
  /** stdout: the ready line and nothing else. */
  writeStdout: (text: string) => void;
  /** The terminal, for people: the pairing code goes here and never into a log file. */
  writeStderr: (text: string) => void;
}

/**
 * Composition root, wiring only: config → lock → logger → environment (its store + migrations) →
 * API + WS stream → HTTP server → control socket → discovery file → ready line → pairing code →
 * venue (in the background; trading stays halted until it has reconciled). Owns the process from
 * here on: signals, fatal errors and exit.
 */
export async function runAgent(config: AgentConfig, io: RunAgentIo): Promise<void> {
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  // Lock before opening the log file, so a refused second agent never writes into the first one's log.
  const lock = acquireInstanceLock(config.dataDir);
  let log: AgentLogger;
  try {
    log = createAgentLogger({ level: config.logLevel, logDir: join(config.dataDir, 'logs') });
  } catch (err) {
    lock.release();
    throw err;
  }
  const { logger } = log;
  logger.info(
    { version: AGENT_VERSION, environment: config.environment, dataDir: config.dataDir },
    'agent starting',
  );
  for (const stalePid of lock.takenOverFrom) {
    logger.warn({ lockFile: lock.file, stalePid }, 'took over a stale agent lock');
  }

  let status: AgentStatus = 'starting';
  const credentials = openKeychainCredentialsStore(config.dataDir);
  const runtime = new EnvironmentRuntime({
    dataDir: config.dataDir,
    config,
    openStore: (environment) => openStore({ dataDir: config.dataDir, environment, logger }),
    startVenue: async (environment, store) => {
      const venue = await startVenue({ ...config, environment }, store, logger, { credentials });
      // The activity feed follows every venue the runtime starts (first start and each switch).
      if (venue !== null) api?.attachVenue(venue.connector, store);
      return venue;
    },
    credentials,
    logger,
  });
  let isRuntimeOpen = false;
  let api: AgentApi | undefined;
  let server: RunningServer | undefined;
  let control: RunningControlServer | undefined;
  let tray: RunningTray | null = null;
  let isStarted = false;
  // A function, not a comparison inline: the status changes inside callbacks TS cannot follow.
  const isStopping = (): boolean => status === 'stopping';

  const cleanupSync = (): void => {
    removeDiscovery(config.dataDir, process.pid);
    lock.release();
  };
  // A crash still cancels our resting orders first (bounded by the setting's deadline).
  handleFatalErrors(log, cleanupSync, async () => {
    await api?.cancelRestingForShutdown();
  });

  // Closes whatever has been started, in order; shared by a stop signal and a failed start.
  let closing: Promise<void> | undefined;
  const closeAll = (): Promise<void> =>
    (closing ??= (async () => {
      status = 'stopping';
      await tray?.close();
      await control?.close();
      api?.publisher.stop();
      await server?.close(HTTP_DRAIN_GRACE_MS);
      // Our resting orders are canceled while the venue still runs (setting, bounded; logged), and
      // the person who stopped the agent (signal, tray Quit, control `shutdown`) is told the outcome.
      const cancelled = isRuntimeOpen ? await api?.cancelRestingForShutdown() : null;
      if (cancelled !== undefined && cancelled !== null) {
        io.writeStderr(
          `stopping: ${cancelled.canceled} of ${cancelled.working} resting orders cancelled` +
            `${cancelled.failed + cancelled.pending > 0 ? `, ${cancelled.failed + cancelled.pending} not confirmed` : ''}\n`,
        );
      }
      api?.close();
      // The connector records venue events through the write queue: the runtime stops the venue,
      // then closes the store.
      if (isRuntimeOpen) await runtime.stop();
      removeDiscovery(config.dataDir, process.pid);
      lock.release();
      logger.info('agent stopped');
    })());

  // Installed before start-up so a signal during migrations still gets an orderly stop.
  let startupSettled: Promise<unknown> = Promise.resolve();
  handleStopSignals({
    logger,
    stop: async (reason) => {
      logger.info({ reason }, 'agent stopping');
      status = 'stopping';
      await startupSettled;
      await closeAll();
    },
    cleanupSync,
    hardDeadlineMs: () => HARD_STOP_DEADLINE_MS + (api?.shutdownCancelBudgetMs() ?? 0),
    exit: (code) => exitAfterFlush(log, isStarted ? code : 1),
  });

  const startup = (async () => {
    runtime.open();
    isRuntimeOpen = true;
    const built = buildAgentApi({ config, logger, runtime, credentials, agentStatus: () => status });
    api = built;
    server = await startServer(built.app, config.port, { upgrade: built.stream });
    built.setPort(server.port);
    control = await startControlServer({
      dataDir: config.dataDir,
      handlers: controlHandlers({
        codes: built.codes,
        devices: built.devices,
        canonicalOrigin: () => built.guard.canonicalOrigin(),
        // The same orderly stop as a signal: one path for SIGTERM, the tray's Quit and `shutdown`.
        requestStop: () => process.kill(process.pid, 'SIGTERM'),
      }),
      logger,
    });
    return { server, api: built };
  })();
  startupSettled = startup.catch(() => undefined);
  let listening: RunningServer;
  let started: AgentApi;
  try {
    ({ server: listening, api: started } = await startup);
  } catch (err) {
    logger.error({ err }, 'agent failed to start');
    await closeAll();
    await log.close();
    throw err;
  }
  isStarted = true;
  // A stop signal arrived while starting: the stop is under way, so announce nothing.
  if (isStopping()) return;

  const ready = {
    port: listening.port,
    pid: process.pid,
    version: AGENT_VERSION,
    protocolVersion: PROTOCOL_VERSION,
    url: listening.url,
  };
  writeDiscovery(config.dataDir, { ...ready, startedAtMs: Date.now() });
  status = 'ok';
  logger.info({ port: ready.port, url: ready.url }, 'agent ready');
  announceReady({ event: 'ready', ...ready }, io.writeStdout);
  started.codes.onIssued((issued) => {
    const url = pairUrl(started.guard.canonicalOrigin(), issued.code);
    io.writeStderr(formatPairingNotice({ ...issued, pairUrl: url }, Date.now()));
  });
  started.codes.issue();
  started.publisher.start();
  void reportKeychain(credentials, logger);
  // The tray is an adapter: headless (no display, no tray host, --no-tray) the agent runs the same.
  void startTrayIfPossible({
    config,
    api: started,
    logger,
    quit: () => process.kill(process.pid, 'SIGTERM'),
  }).then((running) => {
    if (isStopping()) void running?.close();
    else tray = running;
  });
  // Never rejects: without a venue, trading stays halted and health says why.
  void runtime.startVenue();
}

/** Says at start-up whether Kalshi keys can be kept here, and how to enable a keychain if not. */
async function reportKeychain(
  credentials: Pick<KeychainCredentialsStore, 'probe'>,
  logger: AgentLogger['logger'],
): Promise<void> {
  try {
    const probe = await credentials.probe();
    if (probe.available) logger.info({ keychain: probe.detail }, 'OS keychain available');
    else logger.warn({ keychain: probe.detail }, 'no OS keychain: Kalshi keys cannot be imported');
  } catch (err) {
    logger.warn({ err }, 'no OS keychain: Kalshi keys cannot be imported');
  }
}
