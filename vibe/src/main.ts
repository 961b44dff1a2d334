/**
 * @module
 * Omni-Vibe entry: `node --import tsx vibe/src/main.ts --port 0 [flags]` (README). Builds the
 * service, runs one collection round so the first answer has data, listens, and prints exactly one
 * JSON ready line on stdout (`{"event":"ready","port","pid","url"}`); logs go to stderr.
 * SIGINT/SIGTERM stop the loop, close the store and exit 0. Exit 2 on bad configuration.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { parseVibeCli } from './cli.js';
import { createScorer } from './create-scorer.js';
import { createLog } from './lib/log.js';
import { buildVibeService, ConfigError, loadKeys } from './service.js';

/**
 * `--exit-with-parent` (the embedded default's supervisor passes it): stop on our own when the
 * process that started us disappears, by a parent-pid watch and by stdin closing (the parent held
 * its write end). Taken off argv before the strict flag parser sees it.
 */
function takeExitWithParent(argv: readonly string[]): { argv: string[]; isWatched: boolean } {
  return {
    argv: argv.filter((arg) => arg !== '--exit-with-parent'),
    isWatched: argv.includes('--exit-with-parent'),
  };
}

function exitWithParent(onGone: (reason: string) => void): void {
  const parentPid = process.ppid;
  let isGone = false;
  const stop = (reason: string): void => {
    if (isGone) return;
    isGone = true;
    clearInterval(timer);
    onGone(reason);
  };
  const isParentAlive = (): boolean => {
    try {
      process.kill(parentPid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const timer = setInterval(() => {
    if (!isParentAlive()) stop('parent gone');
  }, 500);
  timer.unref();
  process.stdin.on('end', () => stop('stdin closed'));
  process.stdin.on('error', () => stop('stdin closed'));
  process.stdin.resume();
}

async function main(): Promise<void> {
  const watch = takeExitWithParent(process.argv.slice(2));
  const options = parseVibeCli(watch.argv);
  const log = createLog(options.logLevel);
  loadKeys(options, process.env); // fail fast (exit 2) before loading a model
  const scorer = await createScorer(options.scorer);
  const service = buildVibeService(options, { scorer, log, env: process.env });
  const first = await service.pipeline.tick();
  log.info(first, 'first collection round done');
  const server = serve({ fetch: service.app.fetch, port: options.port, hostname: options.host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  service.pipeline.start(options.tickMs);
  const port = (server.address() as AddressInfo).port;
  let isStopping = false;
  const stop = (signal: string): void => {
    if (isStopping) process.exit(1);
    isStopping = true;
    log.info({ signal }, 'vibe stopping');
    server.close();
    void service.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 3_000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  if (watch.isWatched) exitWithParent(stop);
  log.info(
    { port, scorer: scorer.modelId, collectors: service.pipeline.collectors.length },
    'vibe listening',
  );
  const host = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  process.stdout.write(
    `${JSON.stringify({ event: 'ready', port, pid: process.pid, url: `http://${host}:${port}` })}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: 'error', msg: 'vibe failed to start', err: String(err) })}\n`,
  );
  process.exit(
    err instanceof ConfigError || (err instanceof Error && err.message.startsWith('invalid --')) ? 2 : 1,
  );
});
