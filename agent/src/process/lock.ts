import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { AgentError } from '../lib/errors.js';
import { isProcessAlive } from './pid.js';

export const LOCK_FILE_NAME = 'agent.lock';

export interface InstanceLock {
  readonly file: string;
  /** Remove the lock if it is still ours. Synchronous so it also works on the way out of a crash. */
  release: () => void;
}

function readLockPid(file: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'pid' in parsed) {
      const { pid } = parsed;
      if (typeof pid === 'number' && Number.isInteger(pid) && pid > 0) return pid;
    }
  } catch {
    // Unreadable or half-written: treated as stale below (a live owner writes it in one call).
  }
  return undefined;
}

function isErrnoCode(err: unknown, code: string): boolean {
  return err instanceof Error && 'code' in err && err.code === code;
}

function tryCreate(file: string, pid: number): boolean {
  let fd: number;
  try {
    // O_EXCL: exactly one process can create the file, whoever races us.
    fd = openSync(file, 'wx', 0o600);
  } catch (err) {
    if (isErrnoCode(err, 'EEXIST')) return false;
    throw err;
  }
  try {
    writeSync(fd, JSON.stringify({ pid, createdAtMs: Date.now() }));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Younger than this, an unreadable lock is probably being written rather than abandoned. */
const FRESH_LOCK_MS = 1000;

function isFreshlyCreated(file: string): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs < FRESH_LOCK_MS;
  } catch {
    return false;
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Move a stale lock aside atomically, so two agents taking over the same stale lock cannot both
 * delete it and then each create their own. If what we moved turns out to be live (its owner
 * replaced the stale one between our read and our rename), put it back.
 */
function takeOverStale(file: string, stalePid: number | undefined, logger: Logger): void {
  const aside = `${file}.stale-${process.pid}`;
  try {
    renameSync(file, aside);
  } catch (err) {
    if (isErrnoCode(err, 'ENOENT')) return; // someone else moved it: just retry the create
    throw err;
  }
  const movedPid = readLockPid(aside);
  if (movedPid !== undefined && movedPid !== stalePid && isProcessAlive(movedPid)) {
    try {
      linkSync(aside, file);
    } catch (err) {
      if (!isErrnoCode(err, 'EEXIST')) throw err;
    }
  } else {
    logger.warn({ lockFile: file, stalePid: stalePid ?? null }, 'took over a stale agent lock');
  }
  unlinkSync(aside);
}

/**
 * One agent per data dir: a lock file created with O_EXCL holding our pid. A second agent refuses
 * to start; a lock left by a dead process (crash, SIGKILL) is taken over.
 */
export function acquireInstanceLock(dataDir: string, logger: Logger): InstanceLock {
  const file = join(dataDir, LOCK_FILE_NAME);
  for (let attempt = 0; attempt < 40; attempt += 1) {
    if (tryCreate(file, process.pid)) {
      return {
        file,
        release: () => {
          if (readLockPid(file) === process.pid) unlinkSync(file);
        },
      };
    }
    const ownerPid = readLockPid(file);
    if (ownerPid === undefined && isFreshlyCreated(file)) {
      // A starting agent is between its O_EXCL create and its write: give it a moment.
      sleepSync(50);
      continue;
    }
    if (ownerPid !== undefined && ownerPid !== process.pid && isProcessAlive(ownerPid)) {
      throw new AgentError(
        'LOCKED',
        `another agent (pid ${ownerPid}) is already running on data dir ${dataDir}; stop it first, ` +
          `or use another --data-dir (if pid ${ownerPid} is not an agent, delete ${file})`,
        {},
        { field: 'dataDir', lockFile: file, ownerPid },
      );
    }
    takeOverStale(file, ownerPid, logger);
  }
  throw new AgentError('LOCKED', `could not acquire ${file}: it keeps changing under us`, {
    retryable: true,
  });
}
