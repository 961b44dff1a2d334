/**
 * The agent's view of vibe: polls `GET /v1/sentiment` with backoff, keeps the last valid answer
 * per topic, answers decayed signals on demand, and drives the kill switch — engaged when no
 * valid answer arrived for `killAfterMs` (unreachable, timing out, refusing, or off-contract) or
 * when the newest aggregate is older than `staleLimitMs`; released when fresh data returns. Every
 * kill-switch change and every topic going stale / fresh goes to the activity feed; `health()`
 * is the sentiment light of the health API.
 */
import type { HealthLight, TopicSentiment } from '@pt/protocol';
import type { Logger } from 'pino';
import type { ActivityInput } from '../activity/index.js';
import { decaySignal, type DecayedSignal, type DecayPolicy } from './decay.js';
import { SentimentKillSwitch, type KillReason } from './kill-switch.js';
import { killSwitchActivity, topicStaleActivity } from './sentiment-activity.js';
import type { VibeFetchResult } from './vibe-client.js';

export interface SentimentMonitorOptions {
  client: { fetchSentiment(topics: readonly string[]): Promise<VibeFetchResult> };
  topics: readonly string[];
  pollIntervalMs: number;
  /** Longest wait between polls after failures. */
  maxBackoffMs: number;
  /** No valid answer for this long → kill switch (reason `unreachable`). */
  killAfterMs: number;
  /** Newest aggregate older than this → kill switch (reason `stale`). */
  staleLimitMs: number;
  /** How often the kill switch is re-evaluated between polls (default 1 s). */
  checkIntervalMs?: number;
  policy: DecayPolicy;
  /** The activity feed's input (ActivityRecorder.record). */
  record: (input: ActivityInput) => Promise<unknown>;
  logger: Pick<Logger, 'info' | 'warn'>;
  nowMs?: () => number;
}

export class SentimentMonitor {
  readonly killSwitch: SentimentKillSwitch;
  private readonly nowMs: () => number;
  private readonly startedAtMs: number;
  private readonly latest = new Map<string, TopicSentiment>();
  private readonly staleTopics = new Set<string>();
  private lastOkAtMs: number | null = null;
  private lastFailure = 'no answer yet';
  private failures = 0;
  private pollTimer: NodeJS.Timeout | null = null;
  private checkTimer: NodeJS.Timeout | null = null;
  private inFlight: Promise<unknown> = Promise.resolve();
  private isRunning = false;

  constructor(private readonly options: SentimentMonitorOptions) {
    this.nowMs = options.nowMs ?? Date.now;
    this.startedAtMs = this.nowMs();
    this.killSwitch = new SentimentKillSwitch(this.startedAtMs);
    this.killSwitch.onChange((state, previous) => {
      this.options.logger.info({ killSwitch: state }, 'sentiment kill switch changed');
      this.report(killSwitchActivity(state, previous));
    });
  }

  start(): void {
    if (this.isRunning) return;
    this.isRunning = true;
    this.report(killSwitchActivity(this.killSwitch.state(), this.killSwitch.state()));
    this.schedule(0);
    this.checkTimer = setInterval(() => this.evaluate(), this.options.checkIntervalMs ?? 1_000);
    this.checkTimer.unref();
  }

  async stop(): Promise<void> {
    this.isRunning = false;
    if (this.pollTimer !== null) clearTimeout(this.pollTimer);
    if (this.checkTimer !== null) clearInterval(this.checkTimer);
    this.pollTimer = null;
    this.checkTimer = null;
    await this.inFlight;
  }

  /** One poll and evaluation (the loop calls it; tests may too). */
  async pollOnce(): Promise<VibeFetchResult> {
    const result = await this.options.client.fetchSentiment(this.options.topics);
    if (result.ok) {
      this.failures = 0;
      this.lastOkAtMs = result.receivedAtMs;
      for (const topic of result.response.topics) this.latest.set(topic.topic, topic);
    } else {
      this.failures += 1;
      this.lastFailure = `${result.failure}: ${result.detail}`;
      if (this.failures === 1) this.options.logger.warn({ failure: this.lastFailure }, 'vibe poll failed');
    }
    this.evaluate();
    return result;
  }

  /** The decayed signal of a topic now; null when vibe never answered for it. */
  signal(topic: string): DecayedSignal | null {
    const latest = this.latest.get(topic);
    return latest === undefined ? null : decaySignal(latest, this.nowMs(), this.options.policy);
  }

  signals(): DecayedSignal[] {
    const now = this.nowMs();
    return [...this.latest.values()].map((topic) => decaySignal(topic, now, this.options.policy));
  }

  /** Re-reads the clock: kill switch and per-topic staleness. */
  evaluate(): void {
    const now = this.nowMs();
    const reason = this.killReason(now);
    if (reason === null) this.killSwitch.release(now);
    else this.killSwitch.engage(reason.reason, reason.detail, now);
    for (const signal of this.signals()) {
      if (signal.isStale === this.staleTopics.has(signal.topic)) continue;
      if (signal.isStale) this.staleTopics.add(signal.topic);
      else this.staleTopics.delete(signal.topic);
      this.report(topicStaleActivity(signal.topic, signal.isStale, signal.ageMs, now));
    }
  }

  /** The health API's sentiment light. */
  health(): { light: HealthLight; detail: string } {
    const state = this.killSwitch.state();
    if (state.isEngaged) {
      const light = state.reason === 'no_data_yet' ? 'amber' : 'red';
      return { light, detail: `Sentiment kill switch engaged: ${state.detail}` };
    }
    const signals = this.signals();
    const stale = signals.filter((s) => s.isStale).map((s) => s.topic);
    const cut = signals.filter((s) => s.isHealthCut).map((s) => s.topic);
    if (stale.length > 0)
      return { light: 'amber', detail: `Sentiment stale (neutral) for ${stale.join(', ')}` };
    if (cut.length > 0)
      return { light: 'amber', detail: `Sentiment sources unhealthy for ${cut.join(', ')}` };
    const newest = Math.min(...signals.map((s) => s.ageMs));
    return {
      light: 'green',
      detail: `Sentiment fresh for ${signals.length} topics (newest ${Math.round(newest / 1000)} s old)`,
    };
  }

  private killReason(now: number): { reason: KillReason; detail: string } | null {
    const lastOk = this.lastOkAtMs;
    if (lastOk === null) {
      return now - this.startedAtMs > this.options.killAfterMs
        ? { reason: 'unreachable', detail: `no valid answer from vibe since start (${this.lastFailure})` }
        : { reason: 'no_data_yet', detail: `no valid answer from vibe yet (${this.lastFailure})` };
    }
    if (now - lastOk > this.options.killAfterMs) {
      const silentS = Math.round((now - lastOk) / 1000);
      return {
        reason: 'unreachable',
        detail: `no valid answer from vibe for ${silentS} s (${this.lastFailure})`,
      };
    }
    const newest = Math.max(...[...this.latest.values()].map((topic) => topic.generated_at));
    if (!Number.isFinite(newest)) return { reason: 'stale', detail: 'vibe answered no topic' };
    if (now - newest > this.options.staleLimitMs) {
      return { reason: 'stale', detail: `newest sentiment is ${Math.round((now - newest) / 1000)} s old` };
    }
    return null;
  }

  private schedule(delayMs: number): void {
    if (!this.isRunning) return;
    this.pollTimer = setTimeout(() => {
      const run = this.pollOnce().then(
        (result) => {
          const backoff = Math.min(
            this.options.pollIntervalMs * 2 ** Math.min(this.failures, 16),
            this.options.maxBackoffMs,
          );
          const retryAfter = result.ok ? 0 : (result.retryAfterMs ?? 0);
          this.schedule(result.ok ? this.options.pollIntervalMs : Math.max(backoff, retryAfter));
        },
        (err: unknown) => {
          this.options.logger.warn({ err }, 'vibe poll crashed; retrying');
          this.schedule(this.options.maxBackoffMs);
        },
      );
      this.inFlight = run;
    }, delayMs);
  }

  private report(input: ActivityInput): void {
    this.options.record(input).catch((err: unknown) => {
      this.options.logger.warn({ err }, 'sentiment activity not recorded');
    });
  }
}
