/**
 * @module
 * `node installer.mjs install|uninstall [--no-start] [--home DIR] [--platform linux|darwin|win32]
 * [--package DIR] [--node PATH]`: the command behind the package's install scripts (and the
 * repo's `npm run installer --`). Defaults: this user's home, this platform, the package folder
 * this file sits in, this Node.js.
 */
import { homedir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runInstall } from './install.js';
import type { InstallPlatform } from './autostart-files.js';

const PLATFORMS: readonly InstallPlatform[] = ['linux', 'darwin', 'win32'];

function fail(message: string): never {
  process.stderr.write(
    `${message}\nusage: installer install|uninstall [--no-start] [--home DIR] [--platform linux|darwin|win32] [--package DIR] [--node PATH]\n`,
  );
  process.exit(2);
}

const { values, positionals } = parseArgs({
  options: {
    home: { type: 'string' },
    platform: { type: 'string' },
    package: { type: 'string' },
    node: { type: 'string' },
    'no-start': { type: 'boolean' },
  },
  allowPositionals: true,
  strict: true,
});
const [action, ...extra] = positionals;
if ((action !== 'install' && action !== 'uninstall') || extra.length > 0)
  fail(`unknown action '${positionals.join(' ')}'`);
const platform = (values.platform ?? process.platform) as InstallPlatform;
if (!PLATFORMS.includes(platform)) fail(`--platform: expected linux, darwin or win32, got ${platform}`);
runInstall({
  action,
  platform,
  home: resolve(values.home ?? homedir()),
  packageDir: resolve(values.package ?? dirname(fileURLToPath(import.meta.url))),
  nodePath: values.node ?? process.execPath,
  ...(process.env['APPDATA'] === undefined || values.home !== undefined
    ? {}
    : { appData: process.env['APPDATA'] }),
  ...(process.env['XDG_DATA_HOME'] === undefined || values.home !== undefined
    ? {}
    : { xdgDataHome: process.env['XDG_DATA_HOME'] }),
  isNoStart: values['no-start'] === true,
  write: (line) => process.stdout.write(`${line}\n`),
});
