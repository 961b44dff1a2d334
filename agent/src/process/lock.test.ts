import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { AgentError } from '../lib/errors.js';
import { LOCK_FILE_NAME, acquireInstanceLock } from './lock.js';

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((done) => child.once('exit', done));
  if (child.pid === undefined) throw new Error('no pid');
  return child.pid;
}

function lockOwner(dataDir: string): unknown {
  return JSON.parse(readFileSync(join(dataDir, LOCK_FILE_NAME), 'utf8'));
}

describe('acquireInstanceLock', () => {
  it('creates the lock with our pid and removes it on release', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pt-lock-'));
    const lock = acquireInstanceLock(dataDir);
    expect(lockOwner(dataDir)).toMatchObject({ pid: process.pid });
    lock.release();
    expect(existsSync(lock.file)).toBe(false);
  });

  it('refuses while a live process holds the lock, naming that process', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pt-lock-'));
    // The test runner's parent is alive and is not us: a stand-in for another agent.
    writeFileSync(join(dataDir, LOCK_FILE_NAME), JSON.stringify({ pid: process.ppid }));
    let caught: unknown;
    try {
      acquireInstanceLock(dataDir);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AgentError);
    expect(caught).toMatchObject({ code: 'LOCKED', details: { ownerPid: process.ppid } });
    expect(lockOwner(dataDir)).toEqual({ pid: process.ppid });
  });

  it('takes over a lock whose process is dead, and logs it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pt-lock-'));
    const stalePid = await deadPid();
    writeFileSync(join(dataDir, LOCK_FILE_NAME), JSON.stringify({ pid: stalePid }));
    const lock = acquireInstanceLock(dataDir);
    expect(lock.takenOverFrom).toEqual([stalePid]);
    lock.release();
  });

  it('takes over an unreadable lock (it protects nothing)', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pt-lock-'));
    writeFileSync(join(dataDir, LOCK_FILE_NAME), '{"pi');
    const lock = acquireInstanceLock(dataDir);
    expect(lockOwner(dataDir)).toMatchObject({ pid: process.pid });
    expect(lock.takenOverFrom).toEqual([null]);
    lock.release();
  });

  it('clears a takeover mutex abandoned by a crash, then takes over the stale lock', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pt-lock-'));
    writeFileSync(join(dataDir, LOCK_FILE_NAME), JSON.stringify({ pid: await deadPid() }));
    const mutex = join(dataDir, `${LOCK_FILE_NAME}.takeover`);
    writeFileSync(mutex, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(mutex, old, old);
    acquireInstanceLock(dataDir).release();
    expect(existsSync(mutex)).toBe(false);
  });

  it('release leaves alone a lock that is no longer ours', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pt-lock-'));
    const lock = acquireInstanceLock(dataDir);
    writeFileSync(lock.file, JSON.stringify({ pid: process.ppid }));
    lock.release();
    expect(lockOwner(dataDir)).toEqual({ pid: process.ppid });
  });
});
