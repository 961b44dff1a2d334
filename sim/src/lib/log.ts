/**
 * Minimal structured logger: one JSON object per line on stderr. stdout belongs to the single
 * ready line, so nothing here may ever write to it.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface SimLogger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const levelRank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LogSink {
  write(line: string): unknown;
}

export function createSimLogger(
  minLevel: LogLevel = 'info',
  sink: LogSink = process.stderr,
  nowMs: () => number = Date.now,
): SimLogger {
  const emit = (level: LogLevel, msg: string, fields?: Record<string, unknown>): void => {
    if (levelRank[level] < levelRank[minLevel]) return;
    sink.write(`${JSON.stringify({ level, time: nowMs(), msg, ...fields })}\n`);
  };
  return {
    debug: (msg, fields) => emit('debug', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
  };
}
