/**
 * @module
 * The tray icon itself (npm systray2: a helper binary speaking JSON lines on stdin/stdout). Starts
 * the helper with a deadline (without a working display it may never become ready), keeps the icon
 * and menu in step with the agent by polling TrayServices, and runs the menu's actions.
 */
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import systray2 from 'systray2';
import type { ClickEvent } from 'systray2';
import { openTarget } from './open-target.js';
import { TrayAction, TrayMenu } from './tray-menu.js';
import type { TrayMenuItem } from './tray-menu.js';
import type { TrayServices } from './tray-services.js';

export interface TrayAdapterOptions {
  services: TrayServices;
  logger: Logger;
  /** How long the helper may take to say ready (default 10 s). */
  readyTimeoutMs?: number;
  /** How often the icon follows the agent's state (default 1 s). */
  refreshMs?: number;
  platform?: NodeJS.Platform;
}

export interface RunningTray {
  /** The helper's pid (tests look for its window). */
  readonly helperPid: number | undefined;
  close(): Promise<void>;
}

// CommonJS with `exports.default`: Node's ESM import sees the exports object.
const SysTray = systray2.default;
const ICONS_DIR = fileURLToPath(new URL('./icons/', import.meta.url));

export function iconFile(name: string, platform: NodeJS.Platform): string {
  return `${ICONS_DIR}${name}.${platform === 'win32' ? 'ico' : 'png'}`;
}

/** Starts the tray; rejects when the helper fails or is not ready in time (the caller runs headless). */
export async function startTrayAdapter(options: TrayAdapterOptions): Promise<RunningTray> {
  const { services, logger } = options;
  const platform = options.platform ?? process.platform;
  const menu = new TrayMenu();
  let state = services.state();
  menu.applyState(state);
  const systray = new SysTray({
    menu: {
      icon: iconFile(state.iconName, platform),
      title: '',
      tooltip: state.statusLine,
      items: menu.items(),
    },
    copyDir: false,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`tray helper not ready within ${options.readyTimeoutMs ?? 10_000} ms`)),
      options.readyTimeoutMs ?? 10_000,
    );
  });
  try {
    await Promise.race([systray.ready(), deadline]);
  } catch (err) {
    await systray.kill(false).catch(() => undefined);
    throw err;
  } finally {
    clearTimeout(timer);
  }

  const send = (items: TrayMenuItem[]): void => {
    for (const changed of items) void systray.sendAction({ type: 'update-item', item: changed });
  };
  const refresh = (): void => {
    const next = services.state();
    if (next.iconName !== state.iconName) {
      void systray.sendAction({
        type: 'update-menu',
        menu: {
          icon: iconFile(next.iconName, platform),
          title: '',
          tooltip: next.statusLine,
          items: menu.items(),
        },
      });
    }
    state = next;
    send(menu.applyState(next));
  };
  const run = async (action: TrayAction): Promise<void> => {
    logger.info({ action }, 'tray action');
    switch (action) {
      case TrayAction.OpenCommandCenter:
        await openTarget(services.commandCenterUrl(), platform);
        return;
      case TrayAction.Pair: {
        const url = services.pair();
        send([menu.showPairLink(url)]);
        await openTarget(url, platform);
        return;
      }
      case TrayAction.Halt:
        await services.halt();
        break;
      case TrayAction.ConfirmResume:
        await services.resume();
        break;
      case TrayAction.ConfirmFlatten:
        send([menu.showResult('Flatten All: running…')]);
        send([menu.showResult(await services.flatten())]);
        break;
      case TrayAction.OpenLogs:
        await openTarget(services.logDir, platform);
        return;
      case TrayAction.SaveDiagnostics:
        send([menu.showResult(`Diagnostics saved: ${await services.saveDiagnostics()}`)]);
        return;
      case TrayAction.Quit:
        services.quit();
        return;
    }
    refresh();
  };
  await systray.onClick((event: ClickEvent) => {
    const action = (event.item as TrayMenuItem).action;
    if (action === undefined) return;
    run(action).catch((err: unknown) => {
      logger.warn({ err, action }, 'tray action failed');
      send([menu.showResult(`${action} failed: ${err instanceof Error ? err.message : String(err)}`)]);
    });
  });
  const poll = setInterval(refresh, options.refreshMs ?? 1_000);
  poll.unref();
  systray.onExit((code: number | null, signal: string | null) => {
    clearInterval(poll);
    logger.info({ code, signal }, 'tray helper exited');
  });
  logger.info({ helperPid: systray.process.pid }, 'tray icon running');
  return {
    helperPid: systray.process.pid,
    close: async () => {
      clearInterval(poll);
      if (!systray.killed) await systray.kill(false).catch(() => undefined);
    },
  };
}
