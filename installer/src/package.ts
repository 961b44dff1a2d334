/**
 * @module
 * `npm run package [-- --out DIR]`: a one-folder distribution for this platform, default
 * `dist/package/predictiontrader-<platform>-<arch>/`:
 *   dist/agent/agent.mjs (+ migrations/, icons/)   the agent, bundled (esbuild)
 *   node_modules/                                   native addons and helpers, built for this platform
 *   web/dist/                                       the built PWA (vite build)
 *   models/                                         manifest.json and the ONNX models
 *   installer.mjs, predictiontrader[.cmd], install[.cmd] / uninstall[.cmd], README.md
 * and prints its size.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import type { Plugin } from 'esbuild';
import { copyRuntimeModules } from './node-modules.js';
import { launcherFiles } from './launchers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({
  options: { out: { type: 'string' }, 'skip-web-build': { type: 'boolean' } },
  strict: true,
});
const outDir =
  values.out ?? join(root, 'dist', 'package', `predictiontrader-${process.platform}-${process.arch}`);
/** Left out of the bundle: native addons and packages that find binaries beside themselves. */
const EXTERNAL = ['better-sqlite3', '@napi-rs/keyring', 'systray2', 'onnxruntime-node'];
/** Loaded at run time through createRequire (invisible to the bundler): shipped in node_modules too. */
const REQUIRED_AT_RUN_TIME = ['vader-sentiment'];
const BANNER =
  "import { createRequire as __ptCreateRequire } from 'node:module'; const require = __ptCreateRequire(import.meta.url);";

/** In the bundle the migrations sit beside agent.mjs (as scripts/build.ts does). */
const migrationsBeside: Plugin = {
  name: 'migrations-beside-bundle',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /agent[\\/]src[\\/]store[\\/]store\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const pattern = /new URL\('\.\.\/\.\.\/\.\.\/migrations\/', import\.meta\.url\)/;
      if (!pattern.test(source)) throw new Error(`${args.path}: the migrations URL expression changed`);
      return { contents: source.replace(pattern, "new URL('./migrations/', import.meta.url)"), loader: 'ts' };
    });
  },
};

function bytesUnder(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + bytesUnder(join(path, name)), 0);
}

async function bundle(entry: string, outfile: string, plugins: Plugin[]): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    banner: { js: BANNER },
    legalComments: 'linked',
    logLevel: 'warning',
    plugins,
  });
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const agentDir = join(outDir, 'dist', 'agent');
await bundle(join(root, 'agent', 'src', 'cli.ts'), join(agentDir, 'agent.mjs'), [migrationsBeside]);
cpSync(join(root, 'migrations'), join(agentDir, 'migrations'), { recursive: true });
cpSync(join(root, 'agent', 'src', 'tray', 'icons'), join(agentDir, 'icons'), {
  recursive: true,
  filter: (src) => !src.endsWith('.sh'),
});
await bundle(join(root, 'installer', 'src', 'install-cli.ts'), join(outDir, 'installer.mjs'), []);

if (values['skip-web-build'] !== true || !existsSync(join(root, 'web', 'dist', 'index.html'))) {
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
cpSync(join(root, 'web', 'dist'), join(outDir, 'web', 'dist'), { recursive: true });

mkdirSync(join(outDir, 'models'), { recursive: true });
cpSync(join(root, 'models', 'manifest.json'), join(outDir, 'models', 'manifest.json'));
const manifest = JSON.parse(readFileSync(join(root, 'models', 'manifest.json'), 'utf8')) as {
  models: { file: string }[];
};
for (const model of manifest.models)
  cpSync(join(root, 'models', model.file), join(outDir, 'models', model.file));

copyRuntimeModules([...EXTERNAL, ...REQUIRED_AT_RUN_TIME], root, outDir);
// The tray helper needs its exec bit (systray2 ships it without one).
for (const name of ['tray_linux_release', 'tray_darwin_release']) {
  const helper = join(outDir, 'node_modules', 'systray2', 'traybin', name);
  if (existsSync(helper)) chmodSync(helper, 0o755);
}
writeFileSync(
  join(outDir, 'package.json'),
  `${JSON.stringify({ name: 'predictiontrader-package', private: true, type: 'module' }, null, 2)}\n`,
);
for (const file of launcherFiles(process.platform)) {
  writeFileSync(join(outDir, file.name), file.text, { mode: file.isExecutable ? 0o755 : 0o644 });
}
cpSync(join(root, 'installer', 'PACKAGE-README.md'), join(outDir, 'README.md'));
const megabytes = (bytesUnder(outDir) / 1_048_576).toFixed(1);
process.stdout.write(`packaged ${outDir} (${megabytes} MB)\n`);
