/**
 * @module
 * The production node_modules of the package: the packages the bundle leaves external (native
 * addons and binary helpers) and everything they depend on at run time, copied from this
 * checkout's node_modules (already built for this platform), minus other platforms' binaries and
 * build sources.
 */
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

interface PackageJson {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** Node's lookup: `<from>/node_modules/<name>`, then each parent's, up to the root. */
function resolvePackage(name: string, fromDir: string, root: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || dirname(dir) === dir) return undefined;
  }
}

/** Every package directory the entries need at run time (optional ones only when installed). */
export function runtimeClosure(entries: readonly string[], root: string): string[] {
  const seen = new Set<string>();
  const visit = (name: string, fromDir: string, isOptional: boolean): void => {
    const dir = resolvePackage(name, fromDir, root);
    if (dir === undefined) {
      if (isOptional) return;
      throw new Error(`${name}: not installed (needed from ${relative(root, fromDir) || '.'})`);
    }
    if (seen.has(dir)) return;
    seen.add(dir);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, dir, false);
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) visit(dep, dir, true);
  };
  for (const entry of entries) visit(entry, root, false);
  return [...seen].sort();
}

/** Removes what the package never loads on this platform (other OS binaries, C sources). */
function prune(outRoot: string, platform: NodeJS.Platform, arch: string): void {
  const ort = join(outRoot, 'node_modules', 'onnxruntime-node', 'bin');
  for (const napi of existsSync(ort) ? ['napi-v6', 'napi-v3'] : []) {
    for (const os of ['linux', 'darwin', 'win32']) {
      if (os !== platform) rmSync(join(ort, napi, os), { recursive: true, force: true });
      else
        for (const a of ['x64', 'arm64'])
          if (a !== arch) rmSync(join(ort, napi, os, a), { recursive: true, force: true });
    }
  }
  const sqlite = join(outRoot, 'node_modules', 'better-sqlite3');
  for (const dir of [
    'deps',
    'src',
    join('build', 'Release', 'obj'),
    join('build', 'Release', 'obj.target'),
    join('build', 'deps'),
  ])
    rmSync(join(sqlite, dir), { recursive: true, force: true });
}

/** Copies the closure into `<outRoot>/node_modules/…` (same layout as the checkout); returns the package dirs. */
export function copyRuntimeModules(entries: readonly string[], root: string, outRoot: string): string[] {
  const dirs = runtimeClosure(entries, root);
  for (const dir of dirs) {
    const rel = relative(root, dir);
    // A nested package was copied with its parent already.
    if (dirs.some((other) => other !== dir && rel.startsWith(`${relative(root, other)}${sep}`))) continue;
    cpSync(dir, join(outRoot, rel), { recursive: true, dereference: true });
  }
  prune(outRoot, process.platform, process.arch);
  return dirs;
}
