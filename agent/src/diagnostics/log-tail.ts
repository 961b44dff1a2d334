import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { redactDeep, scrubText } from '../lib/redact.js';

export interface LogTailOptions {
  /** Read at most this many bytes from the end of the file. */
  maxBytes: number;
  maxLines: number;
}

/**
 * The last lines of a JSON log file, each scrubbed again: a log line written by an older build
 * (or a field pino's fixed-depth paths missed) must not carry a secret into a bundle.
 */
export function readLogTail(file: string, options: LogTailOptions): unknown[] {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'ENOENT') return [];
    throw err;
  }
  let text: string;
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, options.maxBytes);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    text = buffer.toString('utf8');
    // A cut at maxBytes lands mid-line: drop the partial first line.
    if (length < size) text = text.slice(text.indexOf('\n') + 1);
  } finally {
    closeSync(fd);
  }
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return lines.slice(-options.maxLines).map(parseLine);
}

function parseLine(line: string): unknown {
  try {
    return redactDeep(JSON.parse(line));
  } catch {
    return { unparsed: scrubText(line) };
  }
}
