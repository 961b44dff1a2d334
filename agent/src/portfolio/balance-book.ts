/**
 * The account's money over time: the last venue balance, snapshots in the ledger (on change, and
 * every `everyMs` when unchanged) and the equity peak (persisted whenever it rises, so a restart
 * keeps measuring drawdown from the true peak).
 */
import type { Balance } from '@pt/protocol';
import { moneyE6 } from '@pt/protocol';
import { balanceRecord, peakRecord } from './portfolio-events.js';
import type { BalancePayload } from './portfolio-events.js';
import { readBalances, readPeak } from './portfolio-ledger.js';
import type { PortfolioLedger } from './portfolio-ledger.js';
import type { BalanceFigures } from './portfolio-view.js';

export class BalanceBook {
  private current: BalanceFigures | null = null;
  private last: BalancePayload | null;
  private peak: number | null;

  constructor(
    private readonly ledger: PortfolioLedger,
    private readonly everyMs: number,
  ) {
    this.last = readBalances(ledger).at(-1)?.balance ?? null;
    this.peak = readPeak(ledger);
  }

  /** The venue's balance as last read (null before the first read of this run). */
  balance(): BalanceFigures | null {
    return this.current;
  }

  /** The highest equity persisted so far. */
  peakE6(): number | null {
    return this.peak;
  }

  /**
   * Takes a fresh venue balance; writes a snapshot when it changed or one is due. Resolves the
   * protocol Balance to publish when it changed, else null.
   */
  async record(
    balance: BalanceFigures,
    equityE6: () => number | null,
    nowMs: number,
  ): Promise<Balance | null> {
    this.current = balance;
    const last = this.last;
    const isChanged =
      last === null ||
      last.availableE6 !== balance.availableE6 ||
      last.portfolioValueE6 !== balance.portfolioValueE6;
    const isDue = last === null || nowMs - last.atMs >= this.everyMs;
    if (!isChanged && !isDue) return null;
    const snapshot: BalancePayload = {
      availableE6: balance.availableE6,
      portfolioValueE6: balance.portfolioValueE6,
      equityE6: equityE6(),
      reason: isChanged ? 'change' : 'periodic',
      // Strictly increasing: the snapshot's key is its time.
      atMs: Math.max(nowMs, (last?.atMs ?? 0) + 1),
    };
    await this.ledger.append([balanceRecord(snapshot)]);
    this.last = snapshot;
    if (!isChanged) return null;
    return {
      availableMoneyE6: moneyE6(balance.availableE6),
      portfolioValueMoneyE6: moneyE6(balance.portfolioValueE6),
      updatedAtMs: snapshot.atMs,
    };
  }

  /** Persists `equityPeakE6` if it is above the stored peak. */
  async notePeak(equityPeakE6: number | null, atMs: number): Promise<void> {
    if (equityPeakE6 === null || (this.peak !== null && equityPeakE6 <= this.peak)) return;
    this.peak = equityPeakE6;
    await this.ledger.append([peakRecord({ peakE6: equityPeakE6, atMs })]);
  }
}
