/** Injected time for the limiter, so tests drive it with fake timers and never sleep. */
export interface LimiterClock {
  nowMs(): number;
  setTimer(callback: () => void, delayMs: number): unknown;
  clearTimer(handle: unknown): void;
}

function isTimeout(handle: unknown): handle is ReturnType<typeof setTimeout> {
  return handle !== undefined && handle !== null;
}

export const systemLimiterClock: LimiterClock = {
  nowMs: () => Date.now(),
  setTimer: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimer: (handle) => {
    if (isTimeout(handle)) clearTimeout(handle);
  },
};
