/** Leader election on a lock: one leader at a time, the next in line takes over when it resigns. */
import { describe, expect, it } from 'vitest';
import { standForLeader } from './leader-election.js';
import { createMemoryLocks } from './test-locks.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('standForLeader', () => {
  it('elects exactly one of three candidates, then the next in line when the leader resigns', async () => {
    const locks = createMemoryLocks();
    const elected: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((id) => standForLeader(locks, 'conn', () => elected.push(id)));
    await settle();
    expect(elected).toEqual(['a']);
    expect([a!.isLeader, b!.isLeader, c!.isLeader]).toEqual([true, false, false]);
    a!.resign();
    await settle();
    expect(elected).toEqual(['a', 'b']);
    expect([a!.isLeader, b!.isLeader, c!.isLeader]).toEqual([false, true, false]);
    expect(locks.holders('conn')).toBe(1);
  });

  it('a candidate that resigned while waiting is never elected; the lock passes it by', async () => {
    const locks = createMemoryLocks();
    const elected: string[] = [];
    const [a, b] = ['a', 'b', 'c'].map((id) => standForLeader(locks, 'conn', () => elected.push(id)));
    await settle();
    b!.resign();
    a!.resign();
    await settle();
    expect(elected).toEqual(['a', 'c']);
  });
});
