/**
 * The API key `npm start` shares between the local vibe service and the agent, kept in the agent's
 * data dir (`<data dir>/vibe/`, mode 0700): vibe's key file (`keys.json`, `[{id, key}]`) and the
 * agent's copy of its key (`agent.key`), both 0600. Made once, reused on every start; only paths
 * travel in argv, never the key.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultDataDir } from '../agent/src/config/default-data-dir.js';

export interface LocalVibeFiles {
  dir: string;
  keysFile: string;
  agentKeyFile: string;
  dbFile: string;
}

/** The agent's data dir as it will resolve it: `--data-dir`, else PT_DATA_DIR, else the OS default. */
export function agentDataDir(agentArgs: readonly string[], env: NodeJS.ProcessEnv, cwd: string): string {
  const index = agentArgs.indexOf('--data-dir');
  const inline = agentArgs.find((arg) => arg.startsWith('--data-dir='));
  const flag = index >= 0 ? agentArgs[index + 1] : inline?.slice('--data-dir='.length);
  return resolve(cwd, flag ?? (env.PT_DATA_DIR || defaultDataDir(process.platform, env)));
}

export function ensureLocalVibeKeys(dataDir: string): LocalVibeFiles {
  const dir = join(dataDir, 'vibe');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const keysFile = join(dir, 'keys.json');
  const agentKeyFile = join(dir, 'agent.key');
  let key = existsSync(agentKeyFile) ? readFileSync(agentKeyFile, 'utf8').trim() : '';
  if (key.length < 32 || !existsSync(keysFile)) {
    key = randomBytes(24).toString('hex');
    writeFileSync(agentKeyFile, `${key}\n`, { mode: 0o600 });
    writeFileSync(keysFile, `${JSON.stringify([{ id: 'agent', key }])}\n`, { mode: 0o600 });
  }
  chmodSync(agentKeyFile, 0o600);
  chmodSync(keysFile, 0o600);
  return { dir, keysFile, agentKeyFile, dbFile: join(dir, 'vibe.sqlite') };
}
