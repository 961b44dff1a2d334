/** Balance snapshots and the equity peak on a real SQLite ledger, read back after a restart. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../trading-controls/test-store.js';
import { BalanceBook } from './balance-book.js';
import { BALANCE_KIND, PEAK_KIND } from './portfolio-events.js';

let t: TestStore;
beforeEach(() => {
  t = openTestStore();
});
afterEach(async () => {
  await t.cleanup();
});

const money = (availableE6: number, portfolioValueE6 = 0) => ({ availableE6, portfolioValueE6 });

describe('BalanceBook', () => {
  it('snapshots on change and when one is due, not on every unchanged read', async () => {
    const book = new BalanceBook(t.store().ledger, 60_000);
    expect(await book.record(money(100_000_000), () => 100_000_000, 1_000)).toMatchObject({
      availableMoneyE6: 100_000_000,
    });
    expect(await book.record(money(100_000_000), () => null, 30_000)).toBeNull();
    expect(await book.record(money(100_000_000), () => null, 61_000)).toBeNull();
    expect(await book.record(money(99_000_000, 1_000_000), () => 99_500_000, 62_000)).not.toBeNull();
    const rows = t
      .store()
      .ledger.readByKind(BALANCE_KIND)
      .map((r) => r.payload);
    expect(rows).toEqual([
      { availableE6: 100_000_000, portfolioValueE6: 0, equityE6: 100_000_000, reason: 'change', atMs: 1_000 },
      { availableE6: 100_000_000, portfolioValueE6: 0, equityE6: null, reason: 'periodic', atMs: 61_000 },
      {
        availableE6: 99_000_000,
        portfolioValueE6: 1_000_000,
        equityE6: 99_500_000,
        reason: 'change',
        atMs: 62_000,
      },
    ]);
  });

  it('persists the peak only when it rises, and a restart reads it back', async () => {
    const book = new BalanceBook(t.store().ledger, 60_000);
    await book.notePeak(100_000_000, 1);
    await book.notePeak(90_000_000, 2);
    await book.notePeak(100_000_000, 3);
    await book.notePeak(101_000_000, 4);
    expect(t.store().ledger.readByKind(PEAK_KIND)).toHaveLength(2);
    await book.record(money(100_000_000), () => null, 1_000);
    const reopened = new BalanceBook((await t.restart()).ledger, 60_000);
    expect(reopened.peakE6()).toBe(101_000_000);
    // The last snapshot is read back too: the same balance a moment later is no change.
    expect(await reopened.record(money(100_000_000), () => null, 2_000)).toBeNull();
    expect(t.store().ledger.readByKind(BALANCE_KIND)).toHaveLength(1);
  });
});
