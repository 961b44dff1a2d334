/**
 * The service's logger: pino to stderr (stdout carries only the ready line). Modules take the
 * narrow `Log` interface so tests can pass a silent pino.
 */
import { pino } from 'pino';
import type { Logger } from 'pino';

export type Log = Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;

export function createLog(level: string): Logger {
  return pino({ level, base: { service: 'vibe' } }, pino.destination(2));
}

export function silentLog(): Logger {
  return pino({ level: 'silent' });
}
