import type { BookSnapshot, MarketView } from '../../engine/index.js';
import type { MarketMeta } from '../../replay/catalog.js';
import { dollarsE4, fpE2, isoMs } from '../../lib/format.js';
import type { MarketWire } from './schemas.js';

const ONE_DOLLAR_E4 = 10_000;
const LATEST_EXPIRATION_AFTER_CLOSE_MS = 7 * 24 * 3_600_000;

/** Engine read model + catalog metadata → Kalshi `Market` object (same names and types). */
export function toMarketWire(meta: MarketMeta, view: MarketView, updatedTimeMs: number): MarketWire {
  const yesBidE4 = view.yesBidE4 ?? 0;
  // An empty ask side is reported as a 1.0000 ask (as in the recorded 2026 objects).
  const yesAskE4 = view.yesAskE4 ?? ONE_DOLLAR_E4;
  const closeTimeMs = view.closeTimeMs ?? meta.closeTimeMs;
  const wire: MarketWire = {
    ticker: meta.ticker,
    event_ticker: meta.eventTicker,
    market_type: 'binary',
    title: meta.title,
    subtitle: '',
    yes_sub_title: meta.yesSubTitle,
    no_sub_title: meta.noSubTitle,
    created_time: isoMs(meta.createdTimeMs),
    updated_time: isoMs(updatedTimeMs),
    open_time: isoMs(view.openTimeMs ?? meta.openTimeMs),
    close_time: isoMs(closeTimeMs),
    expected_expiration_time: isoMs(closeTimeMs),
    expiration_time: isoMs(closeTimeMs),
    latest_expiration_time: isoMs(closeTimeMs + LATEST_EXPIRATION_AFTER_CLOSE_MS),
    settlement_timer_seconds: meta.settlementTimerSeconds,
    status: view.status,
    yes_bid_dollars: dollarsE4(yesBidE4),
    yes_bid_size_fp: fpE2(view.yesBidSizeE2),
    yes_ask_dollars: dollarsE4(yesAskE4),
    yes_ask_size_fp: fpE2(view.yesAskSizeE2),
    no_bid_dollars: dollarsE4(ONE_DOLLAR_E4 - yesAskE4),
    no_ask_dollars: dollarsE4(ONE_DOLLAR_E4 - yesBidE4),
    last_price_dollars: dollarsE4(view.lastPriceE4 ?? 0),
    volume_fp: fpE2(view.volumeE2),
    // The sim has no 24 h history beyond its own run: everything traded since start counts.
    volume_24h_fp: fpE2(view.volumeE2),
    result: view.result ?? '',
    can_close_early: meta.canCloseEarly,
    open_interest_fp: fpE2(view.openInterestE2),
    notional_value_dollars: dollarsE4(ONE_DOLLAR_E4),
    previous_yes_bid_dollars: dollarsE4(meta.previousYesBidE4),
    previous_yes_ask_dollars: dollarsE4(meta.previousYesAskE4),
    previous_price_dollars: dollarsE4(meta.previousYesBidE4),
    liquidity_dollars: '0.0000',
    expiration_value: '',
    rules_primary: meta.rulesPrimary,
    rules_secondary: meta.rulesSecondary,
    price_level_structure: view.priceLevelStructure,
    price_ranges: view.priceRanges.map((r) => ({
      start: dollarsE4(r.startE4),
      end: dollarsE4(r.endE4),
      step: dollarsE4(r.stepE4),
    })),
  };
  if (meta.earlyCloseCondition !== null) wire.early_close_condition = meta.earlyCloseCondition;
  if (meta.strikeType !== null) wire.strike_type = meta.strikeType;
  if (meta.floorStrike !== null) wire.floor_strike = meta.floorStrike;
  if (meta.capStrike !== null) wire.cap_strike = meta.capStrike;
  if (meta.customStrike !== null) wire.custom_strike = meta.customStrike;
  if (view.result !== null) {
    wire.settlement_value_dollars = dollarsE4(view.result === 'yes' ? ONE_DOLLAR_E4 : 0);
  }
  if (view.settledTimeMs !== null) wire.settlement_ts = isoMs(view.settledTimeMs);
  return wire;
}

/**
 * Bids only, ascending by price with the best bid last (DOC:orderbook_responses; the OpenAPI
 * text says the opposite, so clients must sort anyway). `depth` keeps the N best levels.
 */
export function toOrderbookFp(
  book: BookSnapshot,
  depth: number,
): { yes_dollars: [string, string][]; no_dollars: [string, string][] } {
  const side = (levels: BookSnapshot['yes']): [string, string][] => {
    const best = depth > 0 ? levels.slice(0, depth) : levels;
    return best.map(([priceE4, countE2]): [string, string] => [dollarsE4(priceE4), fpE2(countE2)]).reverse();
  };
  return { yes_dollars: side(book.yes), no_dollars: side(book.no) };
}
