/** Reconnect delays: 250 ms doubling to 10 s, with ±20 % jitter so tabs do not stampede. */
export const BACKOFF_BASE_MS = 250;
export const BACKOFF_MAX_MS = 10_000;

export function backoffDelayMs(attempt: number, random: () => number = Math.random): number {
  const plain = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt));
  return Math.round(plain * (0.8 + 0.4 * random()));
}
