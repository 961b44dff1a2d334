/**
 * @module
 * `npm start`: the main job on the embedded default. Starts each process of the local stack in
 * order, waits for its one JSON ready line, then prints where to go. Ctrl-C (or SIGTERM) stops
 * them all; if any process dies, the others are stopped and this exits non-zero.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { agentDataDir, ensureLocalVibeKeys } from './local-vibe-keys.js';
import { ensureWebDist, WEB_DIST } from './web-dist.js';

interface Service {
  name: string;
  entry: string;
  /** Arguments, given the ready lines of the services started before it. */
  args: (started: ReadonlyMap<string, ReadyLine>) => string[];
  /**
   * A helper of the agent (sim, vibe): no secrets on argv or env (a minimal environment), and
   * `--exit-with-parent` with our end of its stdin, so it stops when this supervisor disappears.
   */
  isHelper?: boolean;
}

/** The only variables a helper inherits: nothing that can carry a credential. */
const HELPER_ENV_KEYS = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'LC_ALL', 'TZ'];
function helperEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    HELPER_ENV_KEYS.flatMap((key) => (process.env[key] === undefined ? [] : [[key, process.env[key]]])),
  );
}

interface ReadyLine {
  event: 'ready';
  port: number;
  pid: number;
  [key: string]: unknown;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const passthrough = process.argv.slice(2);
// The simulator first (the embedded default venue, replaying real recorded Kalshi data), then the
// sentiment service on the bundled real feeds, then the agent, connected to both. Flags after
// `npm start --` go to the agent.
const vibeFiles = ensureLocalVibeKeys(agentDataDir(passthrough, process.env, process.cwd()));
const services: Service[] = [
  {
    name: 'sim',
    entry: 'sim/src/main.ts',
    args: () => ['--port', '0', '--exit-with-parent'],
    isHelper: true,
  },
  {
    name: 'vibe',
    entry: 'vibe/src/main.ts',
    args: () => ['--port', '0', '--db', vibeFiles.dbFile, '--keys', vibeFiles.keysFile, '--exit-with-parent'],
    isHelper: true,
  },
  {
    name: 'agent',
    entry: 'agent/src/cli.ts',
    args: (started) => {
      const sim = started.get('sim');
      const venue =
        typeof sim?.rest === 'string' && typeof sim.ws === 'string'
          ? ['--env', 'sim', '--sim-rest', sim.rest, '--sim-ws', sim.ws]
          : [];
      const vibe = started.get('vibe');
      const sentiment =
        typeof vibe?.url === 'string'
          ? ['--vibe-url', vibe.url, '--vibe-key-file', vibeFiles.agentKeyFile]
          : [];
      return [...venue, ...sentiment, ...passthrough];
    },
  },
];
const children: ChildProcess[] = [];
let isStopping = false;

function isReadyLine(value: unknown): value is ReadyLine {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return record.event === 'ready' && typeof record.port === 'number' && typeof record.pid === 'number';
}

function startService(service: Service, started: ReadonlyMap<string, ReadyLine>): Promise<ReadyLine> {
  const child = spawn(process.execPath, ['--import', 'tsx', service.entry, ...service.args(started)], {
    cwd: root,
    // A helper's stdin is a pipe we never write to: it reads end-of-file when we are gone.
    stdio: [service.isHelper === true ? 'pipe' : 'ignore', 'pipe', 'inherit'],
    ...(service.isHelper === true ? { env: helperEnv() } : {}),
    // Own process group: Ctrl-C in a terminal signals the whole foreground group, and a child that
    // got SIGINT from the terminal and then SIGTERM from here would take it as a second signal
    // (exit at once, no orderly stop). Only this supervisor receives it and stops them in order.
    detached: true,
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    if (child.stdout === null) throw new Error(`${service.name}: no stdout pipe`);
    const lines = createInterface({ input: child.stdout });
    let isReady = false;
    lines.on('line', (line) => {
      if (isReady) return;
      try {
        const parsed: unknown = JSON.parse(line);
        if (isReadyLine(parsed)) {
          isReady = true;
          resolve(parsed);
        }
      } catch {
        // Only the ready line is JSON on stdout; anything else is passed through as-is.
        process.stdout.write(`[${service.name}] ${line}\n`);
      }
    });
    child.on('exit', (code, signal) => {
      if (!isReady)
        reject(new Error(`${service.name} exited before it was ready (code ${code}, signal ${signal})`));
      else if (!isStopping) {
        process.stderr.write(
          `${service.name} exited unexpectedly (code ${code}, signal ${signal}); stopping.\n`,
        );
        stopAll(1);
      }
    });
  });
}

/** Stops the services in reverse start order (the agent before its venue), then exits. */
function stopAll(exitCode: number): void {
  if (isStopping) return;
  isStopping = true;
  setTimeout(() => process.exit(exitCode), 12_000).unref();
  void (async () => {
    for (const child of [...children].reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    process.exit(exitCode);
  })();
}

process.on('SIGINT', () => stopAll(0));
// Whatever ends this supervisor (short of SIGKILL), no child outlives it.
process.on('exit', () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
});
process.on('SIGTERM', () => stopAll(0));

try {
  // A fresh clone has no built command center: build it once (about a minute), then start.
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    process.stdout.write('building the command center (web/dist) once…\n');
    ensureWebDist();
  }
  const started = new Map<string, ReadyLine>();
  for (const service of services) {
    const ready = await startService(service, started);
    started.set(service.name, ready);
    const url = typeof ready.url === 'string' ? ready.url : ready.rest;
    const where = typeof url === 'string' ? url : `port ${ready.port}`;
    process.stdout.write(`${service.name} ready (pid ${ready.pid}) at ${where}\n`);
  }
  process.stdout.write('PredictionTrader is running. Press Ctrl-C to stop.\n');
} catch (err) {
  process.stderr.write(`start failed: ${err instanceof Error ? err.message : String(err)}\n`);
  stopAll(1);
}
