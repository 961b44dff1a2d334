/**
 * @module
 * `npm run build`: bundles the agent into one ESM file, `dist/agent/agent.mjs`, with the SQL
 * migrations beside it (`dist/agent/migrations/`). Native addons and packages with binaries
 * (better-sqlite3, @napi-rs/keyring, onnxruntime-node, systray2) stay external, resolved from
 * node_modules at run time. The installable one-folder package (models, tray icons, the PWA, those
 * modules) is `npm run package` (installer/). `--out DIR` writes elsewhere (the build test uses a
 * temp dir).
 */
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, type Plugin } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { out: { type: 'string' } }, strict: true });
const outDir = values.out ?? join(root, 'dist', 'agent');

/**
 * In the source tree the store finds `migrations/` three folders up from `store/store.ts`; in the
 * bundle they sit next to `agent.mjs`. Rewrite that one expression, and fail the build if it moved.
 */
const migrationsBeside: Plugin = {
  name: 'migrations-beside-bundle',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /agent[\\/]src[\\/]store[\\/]store\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const pattern = /new URL\('\.\.\/\.\.\/\.\.\/migrations\/', import\.meta\.url\)/;
      if (!pattern.test(source)) {
        throw new Error(`${args.path}: the migrations URL expression changed; update scripts/build.ts`);
      }
      return { contents: source.replace(pattern, "new URL('./migrations/', import.meta.url)"), loader: 'ts' };
    });
  },
};

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
await build({
  entryPoints: [join(root, 'agent', 'src', 'cli.ts')],
  outfile: join(outDir, 'agent.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3', '@napi-rs/keyring', 'onnxruntime-node', 'systray2'],
  // Bundled CommonJS dependencies (pino) call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __ptCreateRequire } from 'node:module'; const require = __ptCreateRequire(import.meta.url);",
  },
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
  plugins: [migrationsBeside],
});
cpSync(join(root, 'migrations'), join(outDir, 'migrations'), { recursive: true });
process.stdout.write(`built ${join(outDir, 'agent.mjs')}\n`);
