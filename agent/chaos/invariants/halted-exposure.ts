/**
 * Invariant: zero new exposure while HALTED. The halt monitor samples the agent's trading state;
 * any venue order created inside a sampled halted window that was not sent by Flatten All (the
 * only road that may still send, and only reduce-only IOCs) is a violation.
 */
import type { AgentOrderRow, VenueOrderRow } from './views.js';

export interface HaltedWindow {
  /** First and last sample that read `halted` (inclusive). */
  fromMs: number;
  toMs: number;
}

/** An order created this close to a window's edge may have passed the gate just before the flip. */
export const EDGE_MARGIN_MS = 300;

export function noExposureWhileHalted(
  windows: readonly HaltedWindow[],
  venueOrders: readonly VenueOrderRow[],
  agentOrders: readonly AgentOrderRow[],
): string[] {
  const originOf = new Map(agentOrders.map((o) => [o.orderId, o.origin]));
  const out: string[] = [];
  for (const order of venueOrders) {
    const at = order.createdAtMs;
    if (at === undefined) continue;
    const window = windows.find((w) => at >= w.fromMs + EDGE_MARGIN_MS && at <= w.toMs - EDGE_MARGIN_MS);
    if (window === undefined || originOf.get(order.orderId) === 'flatten') continue;
    out.push(
      `venue order ${order.orderId} (${order.clientOrderId ?? 'no client id'}, ` +
        `${originOf.get(order.orderId) ?? 'unknown origin'}) created at ${at} while halted ` +
        `(${window.fromMs}–${window.toMs})`,
    );
  }
  return out;
}

/** Windows clipped to one scenario's span. */
export function windowsWithin(
  windows: readonly HaltedWindow[],
  fromMs: number,
  toMs: number,
): HaltedWindow[] {
  return windows
    .filter((w) => w.toMs >= fromMs && w.fromMs <= toMs)
    .map((w) => ({ fromMs: Math.max(w.fromMs, fromMs), toMs: Math.min(w.toMs, toMs) }));
}
