import { readFileSync } from 'node:fs';

/** Real Kalshi trade prints (see the folder's PROVENANCE.md), used as realistic ledger payloads. */
export const RECORDED_TRADES_CSV = '/work/shared/data/kalshi-trades/trade_level_data_payrolls.csv';

/** A recorded trade, re-shaped as the current Kalshi WS `trade` message body (fixed-point strings). */
export interface TradeMessage {
  trade_id: string;
  market_ticker: string;
  yes_price_dollars: string;
  no_price_dollars: string;
  count_fp: string;
  taker_side: string;
  ts_ms: number;
}

function centsToDollars(cents: string, field: string): string {
  if (!/^\d{1,2}$/.test(cents)) throw new Error(`${field}: expected whole cents 0..99, got ${cents}`);
  return `0.${cents.padStart(2, '0')}00`;
}

export function loadRecordedTrades(file = RECORDED_TRADES_CSV): TradeMessage[] {
  const [header, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
  if (header !== ',trade_id,ticker,count,created_time,yes_price,no_price,taker_side') {
    throw new Error(`${file}: unexpected header ${header}`);
  }
  return rows.map((row, i) => {
    const [, tradeId, ticker, count, createdTime, yesPrice, noPrice, takerSide] = row.split(',');
    if (tradeId === undefined || ticker === undefined || count === undefined || createdTime === undefined) {
      throw new Error(`${file}: row ${i + 1} is short`);
    }
    const tsMs = Date.parse(createdTime);
    if (!/^\d+$/.test(count) || Number.isNaN(tsMs)) throw new Error(`${file}: row ${i + 1} is malformed`);
    return {
      trade_id: tradeId,
      market_ticker: ticker,
      yes_price_dollars: centsToDollars(yesPrice ?? '', 'yes_price'),
      no_price_dollars: centsToDollars(noPrice ?? '', 'no_price'),
      count_fp: `${count}.00`,
      taker_side: takerSide ?? '',
      ts_ms: tsMs,
    };
  });
}
