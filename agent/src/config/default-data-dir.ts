import { join } from 'node:path';
import { AgentError } from '../lib/errors.js';

/** Only the variables the default location depends on; the caller passes them (no process.env here). */
export interface DataDirEnv {
  HOME?: string | undefined;
  XDG_DATA_HOME?: string | undefined;
  APPDATA?: string | undefined;
}

/**
 * Where the agent keeps its state when no `--data-dir` / `PT_DATA_DIR` is given: the per-user
 * application data folder of each OS (XDG on Linux, Application Support on macOS, %APPDATA% on Windows).
 */
export function defaultDataDir(platform: NodeJS.Platform, env: DataDirEnv): string {
  if (platform === 'win32') {
    if (env.APPDATA) return join(env.APPDATA, 'PredictionTrader');
  } else if (platform === 'darwin') {
    if (env.HOME) return join(env.HOME, 'Library', 'Application Support', 'PredictionTrader');
  } else {
    if (env.XDG_DATA_HOME) return join(env.XDG_DATA_HOME, 'predictiontrader');
    if (env.HOME) return join(env.HOME, '.local', 'share', 'predictiontrader');
  }
  throw new AgentError(
    'CONFIG_INVALID',
    'dataDir: no --data-dir or PT_DATA_DIR given and no home folder to default to',
    {},
    { field: 'dataDir' },
  );
}
