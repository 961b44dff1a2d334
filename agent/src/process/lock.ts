import { closeSync, linkSync, openSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AgentError } from '../lib/errors.js';
import { isProcessAlive } from './pid.js';

export const LOCK_FILE_NAME = 'agent.lock';
const TAKEOVER_SUFFIX = '.takeover';
/** A takeover holds its mutex for microseconds; one this old was left by a crash mid-takeover. */
const ABANDONED_TAKEOVER_MS = 10_000;
/** Give up (retryably) if the lock keeps changing under us for this long. */
const ACQUIRE_LIMIT_MS = 5_000;

export interface InstanceLock {
  readonly file: string;
  /** Stale locks removed on the way in: the dead owner's pid, or null if the lock was unreadable. */
  readonly takenOverFrom: readonly (number | null)[];
  /** Remove the lock if it is still ours. Synchronous so it also works on the way out of a crash. */
  release: () => void;
}

type LockState = { kind: 'missing' } | { kind: 'owned'; pid: number } | { kind: 'unreadable' };

function errnoOf(err: unknown): unknown {
  return err instanceof Error && 'code' in err ? err.code : undefined;
}

function readLock(file: string): LockState {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (errnoOf(err) === 'ENOENT') return { kind: 'missing' };
    throw err;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && 'pid' in parsed) {
      const { pid } = parsed;
      if (typeof pid === 'number' && Number.isInteger(pid) && pid > 0) return { kind: 'owned', pid };
    }
  } catch {
    // fall through: a lock we cannot read protects nothing
  }
  return { kind: 'unreadable' };
}

/**
 * Exclusive create with the content already in place: write a private temp file, then hard-link
 * it to the lock path. link(2) fails with EEXIST exactly like O_CREAT|O_EXCL, but no reader can
 * ever see the lock empty or half-written.
 */
function createExclusive(file: string, pid: number): boolean {
  const temp = `${file}.${pid}.tmp`;
  writeFileSync(temp, JSON.stringify({ pid, createdAtMs: Date.now() }), { mode: 0o600 });
  try {
    linkSync(temp, file);
    return true;
  } catch (err) {
    if (errnoOf(err) === 'EEXIST') return false;
    throw err;
  } finally {
    unlinkSync(temp);
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Run `fn` holding the takeover mutex (an O_EXCL file), or return false if another process holds
 * it. Takeovers must be serialized: otherwise two agents can both judge the same lock stale, and
 * the slower one deletes the lock the faster one has just created.
 */
function withTakeoverMutex(file: string, fn: () => void): boolean {
  const mutex = `${file}${TAKEOVER_SUFFIX}`;
  let fd: number;
  try {
    fd = openSync(mutex, 'wx', 0o600);
  } catch (err) {
    if (errnoOf(err) !== 'EEXIST') throw err;
    try {
      if (Date.now() - statSync(mutex).mtimeMs > ABANDONED_TAKEOVER_MS) unlinkSync(mutex);
    } catch (statErr) {
      if (errnoOf(statErr) !== 'ENOENT') throw statErr;
    }
    return false;
  }
  try {
    closeSync(fd);
    fn();
  } finally {
    unlinkSync(mutex);
  }
  return true;
}

function lockedError(dataDir: string, file: string, ownerPid: number): AgentError {
  return new AgentError(
    'LOCKED',
    `another agent (pid ${ownerPid}) is already running on data dir ${dataDir}; stop it first, ` +
      `or use another --data-dir (if pid ${ownerPid} is not an agent, delete ${file})`,
    {},
    { field: 'dataDir', lockFile: file, ownerPid },
  );
}

/**
 * One agent per data dir: a lock file holding our pid, created exclusively. A second agent refuses
 * to start; a lock left by a dead process (crash, SIGKILL) is taken over, one taker at a time.
 */
export function acquireInstanceLock(dataDir: string): InstanceLock {
  const file = join(dataDir, LOCK_FILE_NAME);
  const deadlineMs = Date.now() + ACQUIRE_LIMIT_MS;
  const takenOverFrom: (number | null)[] = [];
  while (Date.now() < deadlineMs) {
    if (createExclusive(file, process.pid)) {
      return {
        file,
        takenOverFrom,
        release: () => {
          const state = readLock(file);
          if (state.kind === 'owned' && state.pid === process.pid) unlinkSync(file);
        },
      };
    }
    const seen = readLock(file);
    if (seen.kind === 'missing') continue;
    if (seen.kind === 'owned' && isProcessAlive(seen.pid)) throw lockedError(dataDir, file, seen.pid);
    const hasRun = withTakeoverMutex(file, () => {
      // Judge again under the mutex: another taker may have replaced it with a live lock meanwhile.
      const current = readLock(file);
      if (current.kind === 'missing' || (current.kind === 'owned' && isProcessAlive(current.pid))) return;
      unlinkSync(file);
      takenOverFrom.push(current.kind === 'owned' ? current.pid : null);
    });
    if (!hasRun) sleepSync(5);
  }
  throw new AgentError('LOCKED', `could not acquire ${file}: it kept changing for ${ACQUIRE_LIMIT_MS} ms`, {
    retryable: true,
  });
}
