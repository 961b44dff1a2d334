/** Which transport a browser gets: the SharedWorker, else the Web Locks leader, else its own worker. */
import { describe, expect, it } from 'vitest';
import { chooseTransport } from './stream-client.js';

const all = { hasSharedWorker: true, hasLocks: true, hasBroadcastChannel: true, requested: null };

describe('chooseTransport', () => {
  it('prefers the SharedWorker; without it (Android Chrome) the Web Locks leader; else a worker per tab', () => {
    expect(chooseTransport(all)).toBe('shared-worker');
    expect(chooseTransport({ ...all, hasSharedWorker: false })).toBe('leader-lock');
    expect(chooseTransport({ ...all, hasSharedWorker: false, hasBroadcastChannel: false })).toBe('dedicated');
    expect(chooseTransport({ ...all, hasSharedWorker: false, hasLocks: false })).toBe('dedicated');
  });

  it('?transport=locks forces the fallback where a SharedWorker exists (to test it)', () => {
    expect(chooseTransport({ ...all, requested: 'locks' })).toBe('leader-lock');
    expect(chooseTransport({ ...all, requested: 'something-else' })).toBe('shared-worker');
    expect(chooseTransport({ ...all, hasLocks: false, requested: 'locks' })).toBe('dedicated');
  });
});
