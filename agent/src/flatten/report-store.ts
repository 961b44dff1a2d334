/**
 * Flatten All reports outlive the process: each finished run's final report is recorded in the
 * environment's ledger (`flatten.finished`, source `agent.flatten`), and `GET /v1/flatten` after a
 * restart answers the newest one recorded there. A record that does not parse is skipped (logged).
 */
import { FlattenReport } from '@pt/protocol';
import type { Logger } from 'pino';
import { readAllOfKind, type ControlsLedger } from '../trading-controls/ledger-pages.js';

export const FLATTEN_SOURCE = 'agent.flatten';
export const FLATTEN_FINISHED_KIND = 'flatten.finished';

export async function recordFinishedReport(ledger: ControlsLedger, report: FlattenReport): Promise<void> {
  await ledger.append([
    {
      source: FLATTEN_SOURCE,
      sourceEventId: `flatten:${report.flattenId}:finished`,
      kind: FLATTEN_FINISHED_KIND,
      payload: report,
      venueTsMs: report.finishedAtMs,
    },
  ]);
}

/** The newest recorded final report in this ledger, null when none parses. */
export function readLatestReport(
  ledger: ControlsLedger,
  logger: Pick<Logger, 'error'>,
): FlattenReport | null {
  const events = readAllOfKind(ledger, FLATTEN_FINISHED_KIND, FLATTEN_SOURCE);
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const event = events[i];
    if (event === undefined) continue;
    const parsed = FlattenReport.safeParse(event.payload);
    if (parsed.success) return parsed.data;
    logger.error({ ledgerId: event.id }, 'unreadable Flatten All report record skipped');
  }
  return null;
}
