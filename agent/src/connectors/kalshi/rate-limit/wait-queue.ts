/**
 * The waiting requests of one bucket: one FIFO lane per priority, with aging.
 *
 * Policy (documented because it decides who waits):
 * - The next request is the lane head with the best *effective* priority; ties go to the one that
 *   arrived first. Effective priority = base priority − one level per `agingMs` waited (floor 0),
 *   so a read waiting through a long burst of orders is eventually served: nothing starves forever.
 * - Head-of-line: the chosen request waits until the bucket covers its whole cost; smaller requests
 *   behind it are NOT let through in the meantime. Back-filling would be faster on average, but a
 *   stream of cheap requests could then starve an expensive one (a batch) forever.
 */
import { RequestPriority } from './types.js';
import type { RequestPriority as RequestPriorityName } from './types.js';

export interface Waiter {
  readonly cost: number;
  readonly priority: RequestPriorityName;
  readonly seq: number;
  readonly enqueuedAtMs: number;
  readonly resolve: () => void;
  readonly reject: (reason: unknown) => void;
  /** Detaches the abort listener once the waiter leaves the queue. */
  readonly detach: () => void;
}

const LANE_COUNT = 4;

export class WaitQueue {
  private readonly lanes: Waiter[][] = Array.from({ length: LANE_COUNT }, () => []);
  private count = 0;

  constructor(private readonly agingMs: number) {}

  get size(): number {
    return this.count;
  }

  push(waiter: Waiter): void {
    this.laneOf(waiter).push(waiter);
    this.count += 1;
  }

  /** The request to serve next at `nowMs`, or undefined when nobody waits. */
  peek(nowMs: number): Waiter | undefined {
    let best: Waiter | undefined;
    let bestLevel = Number.POSITIVE_INFINITY;
    for (const lane of this.lanes) {
      const head = lane[0];
      if (head === undefined) continue;
      const level = this.effectiveLevel(head, nowMs);
      if (level < bestLevel || (level === bestLevel && best !== undefined && head.seq < best.seq)) {
        best = head;
        bestLevel = level;
      }
    }
    return best;
  }

  /** Removes a waiter (granted, aborted or rejected); false if it was not queued. */
  remove(waiter: Waiter): boolean {
    const lane = this.laneOf(waiter);
    const index = lane[0] === waiter ? 0 : lane.indexOf(waiter);
    if (index < 0) return false;
    if (index === 0) lane.shift();
    else lane.splice(index, 1);
    this.count -= 1;
    return true;
  }

  /** Empties the queue, returning everyone who was waiting (oldest first per lane). */
  drain(): Waiter[] {
    const all = this.lanes.flatMap((lane) => lane.splice(0));
    this.count = 0;
    return all;
  }

  private effectiveLevel(waiter: Waiter, nowMs: number): number {
    const waitedMs = Math.max(0, nowMs - waiter.enqueuedAtMs);
    return Math.max(0, RequestPriority[waiter.priority] - Math.floor(waitedMs / this.agingMs));
  }

  private laneOf(waiter: Waiter): Waiter[] {
    const lane = this.lanes[RequestPriority[waiter.priority]];
    if (lane === undefined) throw new Error(`no lane for priority ${waiter.priority}`);
    return lane;
  }
}
