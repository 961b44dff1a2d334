import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROTOCOL_VERSION } from '@pt/protocol';
import type { AgentStatus } from '@pt/protocol';
import { createApp } from './api/app.js';
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
import { openStore } from './store/index.js';
import type { Store } from './store/index.js';
import { startVenue } from './venue/start-venue.js';
import type { RunningVenue } from './venue/start-venue.js';

/** The contract: gone within 5 s of SIGINT/SIGTERM. */
const HARD_STOP_DEADLINE_MS = 4_500;
/** Share of that budget in-flight HTTP requests get before their sockets are cut. */
const HTTP_DRAIN_GRACE_MS = 1_500;

export interface RunAgentIo {
  /** stdout: the ready line and nothing else. */
  writeStdout: (text: string) => void;
}

/**
 * Composition root, wiring only: config → lock → logger → store (+ migrations) → API → HTTP server
 * → discovery file → ready line → venue (in the background; trading stays halted until it has
 * reconciled). Owns the process from here on: signals, fatal errors and exit.
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
  let store: Store | undefined;
  let server: RunningServer | undefined;
  let venue: Promise<RunningVenue | null> = Promise.resolve(null);
  let isStarted = false;
  // A function, not a comparison inline: the status changes inside callbacks TS cannot follow.
  const isStopping = (): boolean => status === 'stopping';

  const cleanupSync = (): void => {
    removeDiscovery(config.dataDir, process.pid);
    lock.release();
  };
  handleFatalErrors(log, cleanupSync);

  // Closes whatever has been started, in order; shared by a stop signal and a failed start.
  let closing: Promise<void> | undefined;
  const closeAll = (): Promise<void> =>
    (closing ??= (async () => {
      status = 'stopping';
      await server?.close(HTTP_DRAIN_GRACE_MS);
      // The connector records venue events through the write queue: stop it before the store.
      await (await venue)?.stop();
      removeDiscovery(config.dataDir, process.pid);
      await store?.close();
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
    hardDeadlineMs: HARD_STOP_DEADLINE_MS,
    exit: (code) => exitAfterFlush(log, isStarted ? code : 1),
  });

  const startup = (async () => {
    store = openStore({ dataDir: config.dataDir, environment: config.environment, logger });
    const app = createApp({
      logger,
      health: () => ({
        status,
        version: AGENT_VERSION,
        protocolVersion: PROTOCOL_VERSION,
        environment: config.environment,
      }),
    });
    server = await startServer(app, config.port);
    return server;
  })();
  startupSettled = startup.catch(() => undefined);
  let listening: RunningServer;
  try {
    listening = await startup;
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
  const openStoreForVenue = store;
  if (openStoreForVenue === undefined) throw new Error('store missing after a successful start');
  venue = startVenue(config, openStoreForVenue, logger).catch((err: unknown) => {
    logger.error({ err }, 'venue did not start; running without a venue (trading halted)');
    return null;
  });
}
