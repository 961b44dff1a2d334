/**
 * Flatten All, one run at a time: `press()` starts a run, or joins the one going (same
 * flattenId, same report); a press after a finished run starts a new one. Every step is published
 * on the `flatten` stream (`flatten.progressed`, the report so far) and recorded in the activity
 * feed (`flatten:<flattenId>:<step>`). The final report is recorded in the environment's ledger, so
 * `latest()` still answers after a restart (report-store.ts).
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_FLATTEN_DEADLINE_MS, DEFAULT_FLATTEN_SLIPPAGE_E4 } from '@pt/protocol';
import type { FlattenReport, FlattenRequest } from '@pt/protocol';
import type { Logger } from 'pino';
import { flattenProgress, type ActivityInput } from '../activity/index.js';
import type { UnsequencedEvent } from '../api/stream/hub.js';
import type { ExecutionService } from '../execution/index.js';
import type { TradingControls } from '../trading-controls/index.js';
import { runFlatten, type FlattenStep } from './flatten-run.js';
import { ReportBuilder } from './report.js';
import { readLatestReport, recordFinishedReport } from './report-store.js';
import type { ControlsLedger } from '../trading-controls/ledger-pages.js';
import type { FlattenVenue } from './venue-reads.js';

export interface FlattenServiceOptions {
  controls: Pick<TradingControls, 'haltBySystem'>;
  /** The current environment's execution road (ExecutionHost.current()); may throw without a venue. */
  execution: () => Pick<ExecutionService, 'cancelAll' | 'place'>;
  /** The current venue's connector (currentFlattenVenue(runtime)), null without one. */
  venue: () => FlattenVenue | null;
  /** The current environment's ledger: final reports are recorded there and read back. */
  ledger?: () => ControlsLedger;
  hub?: { publish(event: UnsequencedEvent): number };
  activity?: { record(input: ActivityInput): Promise<unknown> };
  logger: Logger;
  nowMs?: () => number;
  /** Pause between passes (default 250 ms). */
  passPauseMs?: number;
}

export interface FlattenPress {
  readonly flattenId: string;
  /** True when this press joined a run already going. */
  readonly isJoined: boolean;
  /** The run's final report. */
  readonly done: Promise<FlattenReport>;
}

export class FlattenService {
  private running: { report: ReportBuilder; done: Promise<FlattenReport> } | undefined;
  /** The last run started by this process, with the ledger of the environment it ran in. */
  private last: { report: ReportBuilder; ledger: ControlsLedger | undefined } | undefined;
  private readonly nowMs: () => number;

  constructor(private readonly options: FlattenServiceOptions) {
    this.nowMs = options.nowMs ?? Date.now;
  }

  press(request: FlattenRequest = {}): FlattenPress {
    const going = this.running;
    if (going !== undefined) return { flattenId: going.report.flattenId, isJoined: true, done: going.done };
    const report = new ReportBuilder(
      randomUUID(),
      this.nowMs(),
      request.maxSlippageE4 ?? DEFAULT_FLATTEN_SLIPPAGE_E4,
      request.deadlineMs ?? DEFAULT_FLATTEN_DEADLINE_MS,
    );
    const ledger = this.options.ledger?.();
    this.last = { report, ledger };
    this.options.logger.warn({ flattenId: report.flattenId }, 'Flatten All pressed');
    const done = this.run(report, ledger).finally(() => {
      this.running = undefined;
    });
    this.running = { report, done };
    return { flattenId: report.flattenId, isJoined: false, done };
  }

  /**
   * The last run's report (running or finished) in the current environment: this process's run
   * when it ran there, else the newest recorded in the ledger; null before the first press.
   */
  latest(): FlattenReport | null {
    const ledger = this.options.ledger?.();
    const last = this.last;
    if (last !== undefined && last.ledger === ledger) return last.report.snapshot();
    return ledger === undefined ? null : readLatestReport(ledger, this.options.logger);
  }

  private async run(report: ReportBuilder, ledger: ControlsLedger | undefined): Promise<FlattenReport> {
    const { options } = this;
    await runFlatten(
      {
        halt: (reason) => options.controls.haltBySystem('flatten', reason),
        execution: options.execution,
        venue: options.venue,
        progress: (step) => this.progress(report, step),
        nowMs: this.nowMs,
        ...(options.passPauseMs === undefined ? {} : { passPauseMs: options.passPauseMs }),
      },
      report,
    ).catch((err: unknown) => {
      // A bug, not a venue answer: the run still ends with a report saying so.
      options.logger.error({ err, flattenId: report.flattenId }, 'Flatten All run failed');
      report.failure = `Internal error: ${err instanceof Error ? err.message : String(err)}`;
      if (report.status !== 'finished') report.finish(this.nowMs());
      this.progress(report, { step: 'done', message: report.failure, severity: 'critical' });
    });
    const final = report.snapshot();
    if (ledger !== undefined) {
      await recordFinishedReport(ledger, final).catch((err: unknown) => {
        options.logger.error({ err, flattenId: final.flattenId }, 'Flatten All report not recorded');
      });
    }
    options.logger.warn(
      { flattenId: final.flattenId, before: final.positionsBefore, after: final.positionsAfter },
      'Flatten All finished',
    );
    return final;
  }

  private progress(report: ReportBuilder, step: FlattenStep): void {
    const { hub, activity, logger } = this.options;
    try {
      hub?.publish({ type: 'flatten.progressed', stream: 'flatten', report: report.snapshot() });
    } catch (err) {
      logger.error({ err, step: step.step }, 'Flatten All progress not published');
    }
    logger.info({ flattenId: report.flattenId, step: step.step, ticker: step.ticker }, step.message);
    if (activity === undefined) return;
    const input = flattenProgress({
      runId: report.flattenId,
      step: step.step,
      message: step.message,
      ticker: step.ticker ?? null,
      ...(step.severity === undefined ? {} : { severity: step.severity }),
    });
    void activity
      .record(input)
      .catch((err: unknown) => logger.warn({ err, key: input.key }, 'Flatten All activity not recorded'));
  }
}
