/**
 * @module
 * `install` / `uninstall` autostart for the current user (no root): writes or removes the files of
 * autostart-files.ts, creates the data dir 0700, and (unless `--no-start`) registers them with the
 * OS (systemctl --user, launchctl, schtasks). Both are idempotent: running twice changes nothing
 * more. Install ends by printing the command center's URL and how to pair a browser.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defaultDataDir } from '../../agent/src/config/default-data-dir.js';
import { DEFAULT_PORT } from '../../agent/src/config/schema.js';
import { LAUNCH_AGENT_LABEL, SERVICE_NAME, autostartFiles, autostartPaths } from './autostart-files.js';
import type { InstallPlatform } from './autostart-files.js';

export interface InstallOptions {
  action: 'install' | 'uninstall';
  platform: InstallPlatform;
  home: string;
  packageDir: string;
  nodePath: string;
  /** Windows: %APPDATA% (default `<home>\AppData\Roaming`); Linux: $XDG_DATA_HOME if set. */
  appData?: string;
  xdgDataHome?: string;
  /** Write / remove the files only; do not call systemctl, launchctl or schtasks. */
  isNoStart: boolean;
  write: (line: string) => void;
}

/** What an install or uninstall did (the test checks idempotence on it). */
export interface InstallOutcome {
  dataDir: string;
  files: string[];
  changed: string[];
}

function tryRun(command: string, args: string[], write: (line: string) => void): boolean {
  try {
    execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 });
    return true;
  } catch (err) {
    write(
      `could not run ${command} ${args.join(' ')}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
    );
    return false;
  }
}

function register(options: InstallOptions, files: string[]): void {
  const { write } = options;
  if (options.platform === 'linux') {
    if (tryRun('systemctl', ['--user', 'daemon-reload'], write))
      tryRun('systemctl', ['--user', 'enable', '--now', `${SERVICE_NAME}.service`], write);
  } else if (options.platform === 'darwin') {
    tryRun('launchctl', ['bootstrap', `gui/${process.getuid?.() ?? 0}`, files[0] ?? ''], write);
  } else if (
    !tryRun('schtasks', ['/Create', '/TN', 'PredictionTrader', '/XML', files[0] ?? '', '/F'], write)
  ) {
    write(`using the Startup folder entry instead: ${files[1] ?? ''}`);
  }
}

function unregister(options: InstallOptions, files: string[]): void {
  const { write } = options;
  if (options.platform === 'linux') {
    tryRun('systemctl', ['--user', 'disable', '--now', `${SERVICE_NAME}.service`], write);
  } else if (options.platform === 'darwin') {
    tryRun('launchctl', ['bootout', `gui/${process.getuid?.() ?? 0}/${LAUNCH_AGENT_LABEL}`], write);
  } else {
    tryRun('schtasks', ['/Delete', '/TN', 'PredictionTrader', '/F'], write);
  }
  void files;
}

export function runInstall(options: InstallOptions): InstallOutcome {
  const { platform, home, write } = options;
  const dataDir = defaultDataDir(platform, {
    HOME: home,
    XDG_DATA_HOME: options.xdgDataHome,
    APPDATA: options.appData ?? (platform === 'win32' ? join(home, 'AppData', 'Roaming') : undefined),
  });
  const files = autostartPaths(platform, home, options.appData);
  const changed: string[] = [];
  if (options.action === 'uninstall') {
    if (!options.isNoStart) unregister(options, files);
    for (const file of files) {
      if (!existsSync(file)) continue;
      rmSync(file, { force: true });
      changed.push(file);
    }
    write(`autostart removed (${files.join(', ')}); your data stays in ${dataDir}`);
    return { dataDir, files, changed };
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (platform !== 'win32') chmodSync(dataDir, 0o700);
  const contents = autostartFiles(platform, {
    packageDir: options.packageDir,
    nodePath: options.nodePath,
    dataDir,
  });
  files.forEach((file, index) => {
    const text = contents[index] ?? '';
    if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text, { mode: 0o644 });
    changed.push(file);
  });
  if (!options.isNoStart) register(options, files);
  const launcher = join(
    options.packageDir,
    platform === 'win32' ? 'predictiontrader.cmd' : 'predictiontrader',
  );
  write(`autostart installed: ${files.join(', ')}`);
  write(`data dir: ${dataDir} (0700)`);
  write(`command center: http://127.0.0.1:${DEFAULT_PORT}/`);
  write(
    `pair a browser: run \`${launcher} pair\` (or use the tray's "Pair a browser") and open the link it prints`,
  );
  return { dataDir, files, changed };
}
