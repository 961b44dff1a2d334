/**
 * The built command center (`web/dist`, gitignored): `npm start` and the web bench build it when a
 * checkout has none (a fresh clone), so the agent never answers 503 "not built" on first run.
 * An existing build is left as it is: after changing `web/src`, run `npm run build:web`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const WEB_DIST = join(REPO_ROOT, 'web', 'dist');

/** Builds web/dist when it has no index.html; true when it built. */
export function ensureWebDist(): boolean {
  if (existsSync(join(WEB_DIST, 'index.html'))) return false;
  execFileSync(
    process.execPath,
    [join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 180_000,
    },
  );
  return true;
}
