/**
 * Measurement injected into every page before the app's scripts (playwright `addInitScript`); no
 * app code is changed. In each tab it records:
 * - every animation frame (a requestAnimationFrame loop) → frames/s;
 * - long tasks (PerformanceObserver `longtask`: main-thread tasks over 50 ms);
 * - each book the stream worker hands this tab (the Comlink `onBook` call arriving on a
 *   MessagePort), with the agent's `asOfMs` stamp (set when the agent sent that book) and the time
 *   it reached the main thread. A book is painted by the first animation frame that starts after it
 *   arrived (the book store applies every queued book in that frame); the frame's rendering task is
 *   over when a `setTimeout(0)` queued from that frame runs, and that moment is taken as painted.
 */
export interface ProbeFigures {
  readonly frames: number;
  readonly windowMs: number;
  readonly longTasks: number;
  readonly longestTaskMs: number;
  /** Agent send (book `asOfMs`) → painted frame, ms. */
  readonly agentToPaintMs: number[];
  /** Book frame reaches the shared stream worker (worker-probe.ts) → painted frame, ms. */
  readonly workerToPaintMs: number[];
  /** Book reaches this tab's main thread → painted frame, ms. */
  readonly arrivalToPaintMs: number[];
}

/** Runs in the page (serialised by playwright): keep it self-contained. */
export function installProbe(): void {
  const now = (): number => performance.timeOrigin + performance.now();
  const state = {
    startedMs: now(),
    frames: 0,
    longTasks: 0,
    longestTaskMs: 0,
    agentToPaintMs: [] as number[],
    arrivalToPaintMs: [] as number[],
    workerToPaintMs: [] as number[],
    pending: [] as { agentMs: number; arrivedMs: number; workerMs: number }[],
  };
  const onFrame = (): void => {
    state.frames += 1;
    const painted = state.pending;
    state.pending = [];
    if (painted.length > 0) {
      setTimeout(() => {
        const at = now();
        for (const p of painted) {
          state.agentToPaintMs.push(at - p.agentMs);
          state.arrivalToPaintMs.push(at - p.arrivedMs);
          if (p.workerMs > 0) state.workerToPaintMs.push(at - p.workerMs);
        }
      }, 0);
    }
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.startTime + performance.timeOrigin < state.startedMs) continue;
        state.longTasks += 1;
        state.longestTaskMs = Math.max(state.longestTaskMs, entry.duration);
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No longtask entry type (Chromium has it): long tasks would read as none.
  }
  // Called below with the port as `this`, exactly as the browser would.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const original = MessagePort.prototype.addEventListener;
  MessagePort.prototype.addEventListener = function patched(
    this: MessagePort,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void {
    if (listener === null) return;
    if (type !== 'message' || typeof listener !== 'function') {
      original.call(this, type, listener, options);
      return;
    }
    const wrapped = (event: Event): void => {
      listener.call(this, event);
      const data = (event as MessageEvent).data as {
        path?: unknown[];
        argumentList?: { value?: { asOfMs?: unknown } }[];
        ptWorkerRecvMs?: unknown;
      } | null;
      const asOfMs = data?.argumentList?.[0]?.value?.asOfMs;
      const workerMs = typeof data?.ptWorkerRecvMs === 'number' ? data.ptWorkerRecvMs : 0;
      if (data?.path?.[0] === 'onBook' && typeof asOfMs === 'number') {
        state.pending.push({ agentMs: asOfMs, arrivedMs: now(), workerMs });
      }
    };
    original.call(this, type, wrapped, options);
  };
  (window as unknown as Record<string, unknown>)['__ptBench'] = {
    reset: (): void => {
      state.startedMs = now();
      state.frames = 0;
      state.longTasks = 0;
      state.longestTaskMs = 0;
      state.agentToPaintMs = [];
      state.arrivalToPaintMs = [];
      state.workerToPaintMs = [];
    },
    read: (): ProbeFigures => ({
      frames: state.frames,
      windowMs: now() - state.startedMs,
      longTasks: state.longTasks,
      longestTaskMs: state.longestTaskMs,
      agentToPaintMs: state.agentToPaintMs,
      arrivalToPaintMs: state.arrivalToPaintMs,
      workerToPaintMs: state.workerToPaintMs,
    }),
  };
}
