import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { pino } from 'pino';
import type { Logger, Level } from 'pino';
import { createStream } from 'rotating-file-stream';
import { REDACTED, redactPaths, scrubText } from './redact.js';

export type { Logger } from 'pino';

export const LOG_FILE_NAME = 'agent.log';

export interface AgentLoggerOptions {
  level: Level;
  /** Directory of the rotating log file; created (0700) if missing. */
  logDir: string;
  /** Rotate when the file reaches this size (rotating-file-stream syntax, e.g. '10M'); 5 old files are kept. */
  rotateAtSize?: string;
  /** Also write to stderr (the process default; tests can turn it off). */
  hasStderr?: boolean;
}

export interface AgentLogger {
  logger: Logger;
  /** Absolute path of the live log file (rotated copies sit beside it). */
  file: string;
  /** Flush and close the file stream; resolve once every line written so far is on disk. */
  close: () => Promise<void>;
}

/**
 * The `err` field: an Error is serialised with its message and stack scrubbed. Anything else a
 * caller put there (a string, a plain object) is passed on, strings scrubbed. It must never throw:
 * a logger that throws inside an event listener becomes an uncaught exception and kills the agent.
 */
function serializeError(err: unknown): unknown {
  if (typeof err === 'string') return scrubText(err);
  if (!(err instanceof Error)) return err;
  const serialized = pino.stdSerializers.err(err);
  if (typeof serialized.message === 'string') serialized.message = scrubText(serialized.message);
  if (typeof serialized.stack === 'string') serialized.stack = scrubText(serialized.stack);
  return serialized;
}

/**
 * pino to a size-rotated file in the data dir and to stderr, both in-process (no worker-thread
 * transport): flushing on exit is then a plain `await`, and the agent can be bundled into one file.
 * Secret-bearing fields are censored by path before a line is serialized.
 */
export function createAgentLogger(options: AgentLoggerOptions): AgentLogger {
  mkdirSync(options.logDir, { recursive: true, mode: 0o700 });
  const fileStream = createStream(LOG_FILE_NAME, {
    path: options.logDir,
    size: options.rotateAtSize ?? '10M',
    maxFiles: 5,
    mode: 0o600,
  });
  // A full disk or a write after close must not crash the agent: say so on stderr and carry on.
  fileStream.on('error', (err) => process.stderr.write(`pt-agent: log file error: ${err.message}\n`));
  const streams: pino.StreamEntry[] = [{ level: options.level, stream: fileStream }];
  if (options.hasStderr ?? true) {
    // Synchronous on fd 2 so a crash still leaves its last words on the terminal.
    streams.push({ level: options.level, stream: pino.destination({ fd: 2, sync: true }) });
  }
  const logger = pino(
    {
      level: options.level,
      base: { pid: process.pid },
      redact: { paths: redactPaths(), censor: REDACTED },
      // Paths cannot see inside text: an error from an HTTP client may quote the header it sent.
      serializers: { err: serializeError },
      hooks: {
        logMethod(args, method) {
          for (const [index, arg] of args.entries())
            if (typeof arg === 'string') args[index] = scrubText(arg);
          method.apply(this, args);
        },
      },
    },
    pino.multistream(streams),
  );
  let closing: Promise<void> | undefined;
  return {
    logger,
    file: join(options.logDir, LOG_FILE_NAME),
    close: () => {
      closing ??= (async () => {
        const finished = once(fileStream, 'finish');
        fileStream.end();
        await finished;
      })();
      return closing;
    },
  };
}
