/**
 * Topic rules: which posts speak about which Kalshi topic. A rule is a conjunction of keyword
 * groups (each group: any of its words or phrases, whole words, case-insensitive, an optional
 * plural "s") minus exclusions. Rules are data: the defaults are below and a JSON file with the
 * same schema replaces them (`--topics FILE`).
 */
import { z } from 'zod';
import { SentimentTopic } from '@pt/protocol';

export const TopicRule = z.strictObject({
  topic: SentimentTopic,
  /** What a trader reads next to the chart. */
  label: z.string().min(1),
  /** Kalshi series (and optionally a market-ticker fragment) this topic informs. */
  series: z.array(z.string().regex(/^[A-Z0-9-]+$/, 'expected a Kalshi series ticker')).default([]),
  /** Every group must match at least one of its keywords. */
  match: z.array(z.array(z.string().min(1)).min(1)).min(1),
  /** No keyword here may appear. */
  exclude: z.array(z.string().min(1)).default([]),
});
export type TopicRule = z.infer<typeof TopicRule>;

export const TopicRulesFile = z.strictObject({ rules: z.array(TopicRule).min(1).max(500) });

/** Countries and central banks whose news is not about the US series these topics trade. */
const NOT_US = [
  'canada',
  'canadian',
  'india',
  'indian',
  'brazil',
  'france',
  'french',
  'uk',
  'britain',
  'british',
  'euro zone',
  'eurozone',
  'ecb',
  'bank of england',
  'germany',
  'german',
  'china',
  'chinese',
  'japan',
  'japanese',
  'australia',
];

const NBA = ['nba', 'basketball'];

function team(code: string, names: string[]): z.input<typeof TopicRule> {
  return {
    topic: `nba.${code.toLowerCase()}`,
    label: `NBA: ${names[0]}`,
    series: ['KXNBAGAME'],
    match: [names],
  };
}

export const DEFAULT_TOPIC_RULES: readonly TopicRule[] = z.array(TopicRule).parse([
  {
    topic: 'cpi',
    label: 'US inflation (CPI)',
    series: ['KXCPI', 'KXCPIYOY', 'KXCPICOREYOY', 'KXACPI'],
    match: [['cpi', 'consumer price index', 'inflation', 'consumer prices']],
    exclude: NOT_US,
  },
  {
    topic: 'fed',
    label: 'Federal Reserve rates',
    series: ['KXFED', 'KXFEDDECISION', 'KXFEDMENTION'],
    match: [['fed', 'federal reserve', 'fomc', 'powell', 'fed funds']],
    exclude: ['fedex', 'fed up', ...NOT_US],
  },
  {
    topic: 'payrolls',
    label: 'US jobs (payrolls, unemployment)',
    series: ['KXPAYROLLS', 'KXU3'],
    match: [['payroll', 'nonfarm', 'jobs report', 'jobs data', 'jobs numbers', 'unemployment', 'jobless']],
    exclude: NOT_US,
  },
  {
    topic: 'oil',
    label: 'Crude oil',
    series: ['KXWTI'],
    match: [['oil price', 'crude', 'brent', 'wti', 'opec', 'barrel']],
  },
  {
    topic: 'weather.nyc',
    label: 'New York City weather',
    series: ['KXHIGHNY'],
    match: [
      ['nyc', 'new york', 'manhattan', 'brooklyn', 'central park'],
      ['weather', 'snow', 'snowstorm', 'blizzard', 'heat wave', 'temperature', 'forecast', 'rain', 'storm'],
    ],
  },
  { ...team('LAC', ['clippers', 'los angeles clippers']), match: [['clippers']] },
  { ...team('CHA', ['hornets', 'charlotte hornets']), match: [['hornets'], NBA] },
  team('NYK', ['knicks', 'new york knicks']),
  team('LAL', ['lakers', 'los angeles lakers']),
  team('BOS', ['celtics', 'boston celtics']),
  { ...team('GSW', ['warriors', 'golden state']), match: [['golden state', 'warriors'], NBA] },
  { topic: 'nba', label: 'NBA (league)', series: ['KXNBAGAME'], match: [NBA] },
]);
