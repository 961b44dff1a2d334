/**
 * Samples the agent's trading state every `intervalMs` for the whole run and keeps the halted
 * windows. While the agent is down (killed, restarting) no sample is taken, which ends a window:
 * a dead agent sends nothing, and the venue's order times still show anything that slipped out.
 */
import { TradingState } from '@pt/protocol';
import type { HaltedWindow } from './halted-exposure.js';

export class HaltMonitor {
  readonly windows: HaltedWindow[] = [];
  private open: HaltedWindow | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private isSampling = false;

  constructor(
    private readonly call: (method: string, path: string) => Promise<Response>,
    private readonly intervalMs = 200,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sample(), this.intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.close();
  }

  /** The closed windows plus the one still open. */
  snapshot(): HaltedWindow[] {
    return this.open === undefined ? [...this.windows] : [...this.windows, { ...this.open }];
  }

  private async sample(): Promise<void> {
    if (this.isSampling) return;
    this.isSampling = true;
    try {
      const res = await this.call('GET', '/v1/trading-state');
      const state = TradingState.parse(await res.json());
      const now = Date.now();
      if (state.mode !== 'halted') this.close();
      else if (this.open === undefined) this.open = { fromMs: now, toMs: now };
      else this.open.toMs = now;
    } catch {
      this.close();
    } finally {
      this.isSampling = false;
    }
  }

  private close(): void {
    if (this.open !== undefined) this.windows.push(this.open);
    this.open = undefined;
  }
}
