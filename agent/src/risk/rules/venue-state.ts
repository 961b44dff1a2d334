/** Rules on the state of the switch, the exchange, the market and its book: no arithmetic. */
import { deny } from '../context.js';
import type { Rule } from '../context.js';
import { formatDuration } from '../format.js';

export const tradingHalted: Rule = ({ snapshot }) =>
  snapshot.mode === 'halted'
    ? deny('TRADING_HALTED', 'Trading is halted: no new orders until a person resumes trading.')
    : null;

export const exchangePaused: Rule = ({ snapshot }) =>
  snapshot.isExchangePaused
    ? deny('EXCHANGE_PAUSED', 'The exchange has paused trading: no new orders until it resumes.')
    : null;

export const unknownOutcomePending: Rule = ({ intent, index }) =>
  index.unknownOutcomeTickers.has(intent.ticker)
    ? deny(
        'UNKNOWN_OUTCOME_PENDING',
        `An earlier order on ${intent.ticker} has an unknown outcome: no new orders there until reconciliation settles it.`,
      )
    : null;

export const marketNotActive: Rule = ({ intent, index }) => {
  const market = index.markets.get(intent.ticker);
  if (market === undefined) {
    return deny(
      'MARKET_NOT_ACTIVE',
      `${intent.ticker} has no known market status, so it is treated as closed.`,
    );
  }
  switch (market.status) {
    case 'active':
      return null;
    case 'paused':
      return deny('MARKET_NOT_ACTIVE', `${intent.ticker} is paused by the exchange.`);
    case 'closed':
      return deny('MARKET_NOT_ACTIVE', `${intent.ticker} is closed for trading.`);
  }
};

/** Only new exposure is blocked: a trader may still get out before the close. */
export const preCloseBlackout: Rule = ({ intent, snapshot, settings, index, isReducing }) => {
  const market = index.markets.get(intent.ticker);
  if (isReducing || market === undefined || settings.preCloseBlackoutMs === 0) return null;
  const timeLeftMs = market.closeTimeMs - snapshot.nowMs;
  if (timeLeftMs >= settings.preCloseBlackoutMs) return null;
  const when = timeLeftMs > 0 ? `closes in ${formatDuration(timeLeftMs)}` : 'is past its close time';
  return deny(
    'PRE_CLOSE_BLACKOUT',
    `${intent.ticker} ${when}, inside the ${formatDuration(settings.preCloseBlackoutMs)} pre-close blackout: only orders that reduce the position are allowed.`,
  );
};

export const bookStale: Rule = ({ intent, index }) => {
  const book = index.books.get(intent.ticker);
  if (book === undefined) return deny('BOOK_STALE', `There is no order book for ${intent.ticker} yet.`);
  if (!book.isQuotable) {
    return deny(
      'BOOK_STALE',
      `The order book for ${intent.ticker} is not quotable until a fresh snapshot arrives.`,
    );
  }
  if (book.isStale)
    return deny('BOOK_STALE', `The order book for ${intent.ticker} is stale: no recent data.`);
  if (book.bestBidE4 === null && book.bestAskE4 === null) {
    return deny('BOOK_STALE', `The order book for ${intent.ticker} is empty on both sides.`);
  }
  return null;
};
