import { describe, expect, it } from 'vitest';
import { GroupMatchWindow, ORDER_GROUP_WINDOW_MS } from './order-group-window.js';

describe('GroupMatchWindow', () => {
  it('trips once the matches inside 15 s reach the limit, not before', () => {
    const window = new GroupMatchWindow();
    expect(window.record('t1', 100, 1_000, 300)).toBe(false);
    expect(window.record('t2', 100, 2_000, 300)).toBe(false);
    expect(window.record('t3', 100, 3_000, 300)).toBe(true);
  });

  it('forgets matches older than the window', () => {
    const window = new GroupMatchWindow();
    window.record('t1', 200, 1_000, 300);
    expect(window.record('t2', 200, 1_000 + ORDER_GROUP_WINDOW_MS, 300)).toBe(false);
    expect(window.matchedE2(1_000 + ORDER_GROUP_WINDOW_MS)).toBe(200);
  });

  it('counts a trade seen twice (stream and reconciliation) once', () => {
    const window = new GroupMatchWindow();
    window.record('t1', 200, 1_000, 300);
    expect(window.record('t1', 200, 1_500, 300)).toBe(false);
    expect(window.matchedE2(1_500)).toBe(200);
  });
});
