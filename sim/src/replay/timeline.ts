/**
 * The replay's unit of work. Offsets are milliseconds of *recorded* time since the start of the
 * source recording; the player divides them by `--speed` and adds the sim start time.
 */
export interface Quote {
  /** Best YES bid and YES ask, integer cents; 0 = no bid, 100 = no ask. */
  yesBidCents: number;
  yesAskCents: number;
}

export type TimelineItem =
  | { kind: 'quote'; offsetMs: number; ticker: string; quote: Quote }
  | {
      kind: 'trade';
      offsetMs: number;
      ticker: string;
      yesPriceCents: number;
      count: number;
      takerSide: 'yes' | 'no';
    };

/**
 * Recorded books can be one-sided or locked (0¢ bids at settlement, 1¢/1¢ crosses in the logs).
 * A living market needs a two-sided book, so the quote is pulled inside [1, 99] with bid < ask.
 */
export function clampQuote(yesBidCents: number, yesAskCents: number): Quote {
  const bid = Math.min(98, Math.max(1, Math.round(yesBidCents)));
  const ask = Math.min(99, Math.max(bid + 1, Math.round(yesAskCents)));
  return { yesBidCents: bid, yesAskCents: ask };
}

/**
 * Quote that lets a recorded trade at `p` execute against the maker at exactly `p`. At 1¢/99¢
 * one side is momentarily empty (bid 0 or ask 100 = no level); the player re-quotes two-sided
 * with `clampQuote` right after the trade.
 */
export function quoteForTrade(yesPriceCents: number, takerSide: 'yes' | 'no'): Quote {
  return takerSide === 'yes'
    ? { yesBidCents: yesPriceCents - 1, yesAskCents: yesPriceCents }
    : { yesBidCents: yesPriceCents, yesAskCents: yesPriceCents + 1 };
}
