/**
 * Which sentiment topic informs a market, by its series (the same series lists as vibe's default
 * topic rules, vibe/src/topics/rules.ts). NBA games map to the league topic; a market whose series
 * no topic names gets no overlay.
 */
const TOPIC_BY_SERIES: Readonly<Record<string, string>> = {
  KXCPI: 'cpi',
  KXCPIYOY: 'cpi',
  KXCPICOREYOY: 'cpi',
  KXACPI: 'cpi',
  KXFED: 'fed',
  KXFEDDECISION: 'fed',
  KXFEDMENTION: 'fed',
  KXPAYROLLS: 'payrolls',
  KXU3: 'payrolls',
  KXWTI: 'oil',
  KXHIGHNY: 'weather.nyc',
  KXNBAGAME: 'nba',
};

/** The topic of a market ticker (its series is the part before the first `-`), or null. */
export function topicOfMarket(ticker: string): string | null {
  const series = ticker.split('-')[0] ?? '';
  return TOPIC_BY_SERIES[series] ?? null;
}
