import type { LedgerAppendOutcome, LedgerEvent, LedgerEventInput } from '../store/index.js';

/** What the trading controls need of an environment's ledger (LedgerRepository has it). */
export interface ControlsLedger {
  append(events: readonly LedgerEventInput[]): Promise<LedgerAppendOutcome[]>;
  readByKind(kind: string, query?: { afterId?: number; limit?: number }): LedgerEvent[];
}

const PAGE_ROWS = 1_000;

/** Every committed event of `kind` from `source`, in append order, read page by page. */
export function readAllOfKind(ledger: ControlsLedger, kind: string, source: string): LedgerEvent[] {
  const events: LedgerEvent[] = [];
  let afterId = 0;
  for (;;) {
    const page = ledger.readByKind(kind, { afterId, limit: PAGE_ROWS });
    for (const event of page) if (event.source === source) events.push(event);
    const last = page.at(-1);
    if (last === undefined || page.length < PAGE_ROWS) return events;
    afterId = last.id;
  }
}
