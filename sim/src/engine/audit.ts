import { reserveForMarketE6, reserveItem } from './account.js';
import type { EngineState } from './engine-state.js';

/**
 * Recomputes every account's collateral reserve from its resting orders and position, and lists
 * `user:ticker` (or `user` for the total) wherever the incrementally maintained value differs.
 */
export function auditReserves(state: EngineState): string[] {
  const drifted: string[] = [];
  for (const account of state.accounts.values()) {
    let totalE6 = 0;
    for (const market of state.markets.values()) {
      const resting = [...(account.resting.get(market.ticker) ?? [])];
      const items = resting.map((o) =>
        reserveItem(o.side, o.priceE4, o.remainingCountE2, market.fee.multiplierE4),
      );
      const positionE2 = account.positions.get(market.ticker)?.positionE2 ?? 0;
      const expectedE6 = items.length === 0 ? 0 : reserveForMarketE6(positionE2, items);
      totalE6 += expectedE6;
      if ((account.reservedByTicker.get(market.ticker) ?? 0) !== expectedE6) {
        drifted.push(`${account.userId}:${market.ticker}`);
      }
    }
    if (totalE6 !== account.reservedE6) drifted.push(account.userId);
  }
  return drifted;
}
