/**
 * @module
 * The tray as an adapter of the agent (the engine never imports it): start it when a display and a
 * tray host exist, otherwise say once that the agent runs headless and carry on.
 */
import type { Logger } from 'pino';
import type { AgentConfig } from '../config/schema.js';
import { startTrayAdapter } from './tray-adapter.js';
import type { RunningTray } from './tray-adapter.js';
import { headlessReason } from './tray-detect.js';
import { trayServices } from './tray-services.js';
import type { TrayApi } from './tray-services.js';

export type { RunningTray } from './tray-adapter.js';

export interface StartTrayOptions {
  config: AgentConfig;
  api: TrayApi;
  logger: Logger;
  /** The orderly stop (the same as SIGTERM). */
  quit: () => void;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  readyTimeoutMs?: number;
}

/** Never rejects: null when headless (logged once, with the reason). */
export async function startTrayIfPossible(options: StartTrayOptions): Promise<RunningTray | null> {
  const { logger } = options;
  const platform = options.platform ?? process.platform;
  const reason = headlessReason({
    noTray: options.config.noTray === true,
    // The desktop session's DISPLAY / WAYLAND_DISPLAY, not agent configuration: read where used.
    // eslint-disable-next-line no-restricted-properties
    env: options.env ?? process.env,
    platform,
  });
  if (reason !== null) {
    logger.info({ reason }, 'running headless: no tray icon');
    return null;
  }
  try {
    return await startTrayAdapter({
      services: trayServices(options.api, options.config, options.quit),
      logger: logger.child({ component: 'tray' }),
      platform,
      ...(options.readyTimeoutMs === undefined ? {} : { readyTimeoutMs: options.readyTimeoutMs }),
    });
  } catch (err) {
    logger.info(
      { reason: err instanceof Error ? err.message : String(err) },
      'running headless: no tray icon',
    );
    return null;
  }
}
