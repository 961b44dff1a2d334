import type { SportsTickRow } from '../../data/sports.js';
import type { EventMeta, MarketDraft, SeriesMeta } from '../catalog.js';
import { clampQuote, type Quote, type TimelineItem } from '../timeline.js';
import { LINEAR_CENT, marketTimes, type ReplaySource, type SourceTimes } from './source.js';

const SERIES: SeriesMeta = {
  ticker: 'KXNBAGAME',
  title: 'Professional Basketball Game',
  category: 'Sports',
  frequency: 'custom',
  feeType: 'quadratic',
  feeMultiplierE4: 10_000,
  settlementSources: [{ name: 'NBA', url: 'https://www.nba.com/' }],
  tags: ['Basketball'],
};

/** Team codes in the recorded game; unknown codes fall back to the code itself. */
const TEAM_NAMES: Record<string, string> = { LAC: 'Los Angeles C', CHA: 'Charlotte' };

/**
 * The recorded NBA `ticker` stream: each update moves the maker's quote to the recorded best
 * bid/ask; a rise in recorded volume is re-enacted as a trade at the recorded last price.
 */
export function sportsSource(rows: readonly SportsTickRow[], times: SourceTimes): ReplaySource {
  const startMs = rows[0]?.atMs ?? 0;
  const timeline: TimelineItem[] = [];
  const openingQuotes = new Map<string, Quote>();
  const lastVolume = new Map<string, number>();
  for (const row of rows) {
    const quote = clampQuote(row.yesBidCents, row.yesAskCents);
    const offsetMs = row.atMs - startMs;
    if (!openingQuotes.has(row.ticker)) openingQuotes.set(row.ticker, quote);
    const previous = lastVolume.get(row.ticker);
    lastVolume.set(row.ticker, row.volume);
    timeline.push({ kind: 'quote', offsetMs, ticker: row.ticker, quote });
    const traded = previous === undefined ? 0 : row.volume - previous;
    if (traded > 0 && row.lastCents >= 1 && row.lastCents <= 99) {
      // Taker side is not recorded: a print at/above the mid was most likely a YES buyer.
      const isYesTaker = row.lastCents * 2 >= row.yesBidCents + row.yesAskCents;
      timeline.push({
        kind: 'trade',
        offsetMs,
        ticker: row.ticker,
        yesPriceCents: row.lastCents,
        count: Math.min(traded, 5_000),
        takerSide: isYesTaker ? 'yes' : 'no',
      });
    }
  }
  const durationMs = timeline.at(-1)?.offsetMs ?? 0;
  const when = marketTimes(times, durationMs);
  const tickers = [...openingQuotes.keys()].sort();
  const eventTicker = rows[0]?.eventTicker ?? 'KXNBAGAME';
  const teams = tickers.map((t) => t.split('-').at(-1) ?? t);
  const names = teams.map((code) => TEAM_NAMES[code] ?? code);
  const events: EventMeta[] = [
    {
      eventTicker,
      seriesTicker: SERIES.ticker,
      title: `${names.join(' vs ')}`,
      subTitle: names.join(' vs '),
      isMutuallyExclusive: true,
      strikeDateMs: when.closeTimeMs,
    },
  ];
  const markets: MarketDraft[] = tickers.map((ticker) => {
    const code = ticker.split('-').at(-1) ?? ticker;
    const name = TEAM_NAMES[code] ?? code;
    return {
      ticker,
      eventTicker,
      seriesTicker: SERIES.ticker,
      title: `${names.join(' vs ')} Winner?`,
      yesSubTitle: name,
      noSubTitle: name,
      rulesPrimary: `If ${name} wins the ${names.join(' vs ')} professional basketball game, then the market resolves to Yes.`,
      rulesSecondary: 'The result is determined by the official final score, including overtime.',
      strikeType: 'custom',
      floorStrike: null,
      capStrike: null,
      customStrike: { Team: name },
      canCloseEarly: true,
      earlyCloseCondition: 'This market will close and expire early if the event occurs.',
      ...when,
      settlementTimerSeconds: 300,
      ...LINEAR_CENT,
      priceRanges: [...LINEAR_CENT.priceRanges],
      source: 'sports',
    };
  });
  return {
    name: 'kalshi-sports',
    series: [SERIES],
    events,
    markets,
    openingQuotes,
    timeline,
    durationMs,
    depthScaleContracts: 200,
  };
}
