/**
 * Invariant: Flatten All leaves the account flat or reports its residuals within 5 s. The report
 * must be finished within the deadline, every market it saw must end flattened (position 0) or
 * residual with a reason, and the venue afterwards may hold a position only where the report
 * names a residual.
 */
import type { FlattenReport } from '@pt/protocol';

export const FLATTEN_WITHIN_MS = 5_000;

export function flattenOutcome(
  report: FlattenReport,
  elapsedMs: number,
  venuePositionsAfter: ReadonlyMap<string, number>,
): string[] {
  const out: string[] = [];
  if (report.status !== 'finished') out.push(`the flatten run is still ${report.status}`);
  if (elapsedMs > FLATTEN_WITHIN_MS)
    out.push(`the report took ${elapsedMs} ms (limit ${FLATTEN_WITHIN_MS} ms)`);
  const residuals = new Set<string>();
  for (const market of report.markets) {
    if (market.status === 'residual') residuals.add(market.ticker);
    else if (market.status !== 'flattened' || market.positionAfterE2 !== 0)
      out.push(
        `${market.ticker}: ${market.status} with position ${market.positionAfterE2} and no residual reason`,
      );
  }
  for (const [ticker, position] of venuePositionsAfter)
    if (position !== 0 && !residuals.has(ticker))
      out.push(`${ticker}: venue still holds ${position} (E2) but the report names no residual`);
  return out;
}
