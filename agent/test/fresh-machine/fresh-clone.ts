/**
 * An empty folder holding a `git clone` of the committed HEAD of this checkout, as a new user gets
 * it, and an empty HOME. Only the recorded data is shared: `../shared` (the real Kalshi, RSS and
 * Reddit recordings each PROVENANCE.md describes) is part of the machine's environment, not of the
 * repository, so it is linked beside the clone exactly where the checkout finds it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, symlinkSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface FreshClone {
  /** The temp folder: `repo/`, `shared` (link), `home/`. */
  readonly root: string;
  readonly repo: string;
  /** An empty HOME for the user's processes (the agent's data dir defaults under it). */
  readonly home: string;
  /** The commit that was cloned. */
  readonly commit: string;
  /** Deletes the folder (node_modules alone is ~740 MB in ~30k files: minutes on a busy disk). */
  remove(): Promise<void>;
}

function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', ['-C', cwd, ...args], { encoding: 'utf8' }).trim();
}

/** Clones the repository that contains `from` (its committed HEAD; uncommitted changes stay behind). */
export function cloneFresh(from: string): FreshClone {
  const source = git(from, ['rev-parse', '--show-toplevel']);
  const commit = git(source, ['rev-parse', 'HEAD']);
  const shared = realpathSync(join(source, '..', 'shared'));
  const root = mkdtempSync(join(tmpdir(), 'pt-fresh-machine-'));
  const repo = join(root, 'repo');
  execFileSync('git', ['clone', '--quiet', '--no-local', source, repo], { stdio: 'pipe' });
  git(repo, ['checkout', '--quiet', '--detach', commit]);
  symlinkSync(shared, join(root, 'shared'));
  const home = join(root, 'home');
  mkdirSync(home, { mode: 0o700 });
  return { root, repo, home, commit, remove: () => rm(root, { recursive: true, force: true }) };
}

/**
 * The machine's npm setup for the new HOME: the download cache (so `npm ci` reads tarballs locally)
 * and the login user's `~/.npmrc` if there is one (on this build machine it points node-gyp at the
 * installed Node headers, since nodejs.org is unreachable). Read for the account's home from the
 * user database, since a test runner may have replaced HOME (scripts/with-keyring.sh does).
 */
export function machineNpmEnv(): Record<string, string> {
  // Without the npm_config_* variables npm/npx export to their children (they would answer for HOME).
  const inherited = Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key));
  const env = { ...Object.fromEntries(inherited), HOME: userInfo().homedir };
  const get = (key: string): string =>
    execFileSync('npm', ['config', 'get', key], {
      encoding: 'utf8',
      env,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  const userconfig = get('userconfig');
  return {
    npm_config_cache: get('cache'),
    ...(existsSync(userconfig) ? { npm_config_userconfig: userconfig } : {}),
  };
}
