import { pino } from 'pino';
import { afterEach, describe, it, expect, vi } from 'vitest';
import { handleStopSignals } from './signals.js';

const silent = pino({ level: 'silent' });
let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
  vi.useRealTimers();
});

function install(stop: () => Promise<void>): { exits: number[]; cleanups: () => number } {
  const exits: number[] = [];
  let cleanups = 0;
  uninstall = handleStopSignals({
    logger: silent,
    stop,
    cleanupSync: () => {
      cleanups += 1;
    },
    hardDeadlineMs: 4_500,
    exit: (code) => exits.push(code),
  });
  return { exits, cleanups: () => cleanups };
}

/** Deliver a signal to the listeners only (process.emit does not actually signal the process). */
function signal(name: NodeJS.Signals): void {
  process.emit(name, name);
}

describe('handleStopSignals', () => {
  it('runs the orderly stop once and exits 0 when it completes', async () => {
    const stop = vi.fn(() => Promise.resolve());
    const { exits, cleanups } = install(stop);
    signal('SIGTERM');
    await vi.waitFor(() => expect(exits).toEqual([0]));
    expect(stop).toHaveBeenCalledTimes(1);
    expect(cleanups()).toBe(0);
  });

  it('exits 1 at once on a second signal, after the synchronous cleanup', () => {
    const { exits, cleanups } = install(() => new Promise<void>(() => undefined));
    signal('SIGINT');
    expect(exits).toEqual([]);
    signal('SIGTERM');
    expect(exits).toEqual([1]);
    expect(cleanups()).toBe(1);
  });

  it('forces exit 1 when the orderly stop overruns the hard deadline', () => {
    vi.useFakeTimers();
    const { exits, cleanups } = install(() => new Promise<void>(() => undefined));
    signal('SIGTERM');
    vi.advanceTimersByTime(4_499);
    expect(exits).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(exits).toEqual([1]);
    expect(cleanups()).toBe(1);
  });

  it('exits 1 with cleanup when the orderly stop fails', async () => {
    const { exits, cleanups } = install(() => Promise.reject(new Error('store would not close')));
    signal('SIGTERM');
    await vi.waitFor(() => expect(exits).toEqual([1]));
    expect(cleanups()).toBe(1);
  });
});
