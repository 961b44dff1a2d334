/** Topic rules on real headlines from ../shared/data/rss-feeds, and the rule semantics. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../cli.js';
import { parseFeed } from '../collectors/feed-parser.js';
import { TopicMatcher } from './matcher.js';
import { DEFAULT_TOPIC_RULES, TopicRule } from './rules.js';

const matcher = new TopicMatcher(DEFAULT_TOPIC_RULES);

function feed(file: string) {
  return parseFeed(readFileSync(join(DEFAULT_DATA_DIR, 'rss-feeds', file), 'utf8'), `rss:${file}`).items;
}

function topicsOfTitle(items: ReturnType<typeof feed>, title: string): string[] {
  const item = items.find((candidate) => candidate.title === title);
  if (item === undefined) throw new Error(`no item titled ${title}`);
  return matcher.topicsOf(item);
}

describe('default rules on real feed items', () => {
  const nyt = feed('nytimes.xml');
  const cnbc = feed('cnbc.xml');
  const google = feed('google.xml');
  const guardian = feed('guardian.rss');

  it.each([
    [
      cnbc,
      'U.S. payrolls unexpectedly fell by 92,000 in February; unemployment rate rises to 4.4%',
      ['payrolls'],
    ],
    [
      nyt,
      'Weak Jobs Data Underscores Fed’s Dilemma as War Stokes Inflation Risk',
      ['cpi', 'fed', 'payrolls'],
    ],
    [nyt, 'Oil Prices Surge Above $100 a Barrel for the First Time in Almost Four Years', ['oil']],
    [google, "Market Talk: $100 oil 'could add a percentage point to US inflation' - Reuters", ['cpi']],
    [guardian, 'The NBA is mad as hell ... and fans just want to consume it more', ['nba']],
  ])('%#: maps a US macro / sports headline to its topics', (items, title, topics) => {
    expect(topicsOfTitle(items, title)).toEqual(topics);
  });

  it.each([
    [google, "Canada's labor market dips sharply in February, unemployment rate up - Reuters"],
    [google, 'India inflation quickens in February but stays within comfort zone - Reuters'],
    [google, 'ECB policymakers acknowledge war risk, promise to keep inflation in check - Reuters'],
    [guardian, 'Porn actor Stormy Daniels casts doubt on denial of affair with Trump'],
  ])('%#: leaves foreign macro news and look-alike words out', (items, title) => {
    expect(topicsOfTitle(items, title)).toEqual([]);
  });

  it('maps a real share of the finance feeds and nothing of the German developer feed', () => {
    const mapped = (items: ReturnType<typeof feed>) =>
      items.filter((i) => matcher.topicsOf(i).length > 0).length;
    expect(mapped(nyt)).toBeGreaterThanOrEqual(10);
    expect(mapped(feed('heise.atom'))).toBe(0);
  });
});

describe('rule semantics', () => {
  const rules = [
    TopicRule.parse({
      topic: 'weather.nyc',
      label: 'NYC weather',
      match: [
        ['new york', 'nyc'],
        ['snow', 'storm'],
      ],
      exclude: ['stormy'],
    }),
  ];
  const m = new TopicMatcher(rules);

  it('needs every group, whole words, any case, optional plural, phrases across whitespace', () => {
    expect(m.topicsOf({ title: 'Snows bury New\nYork', text: '' })).toEqual(['weather.nyc']);
    expect(m.topicsOf({ title: 'NYC braces', text: 'a STORM is coming' })).toEqual(['weather.nyc']);
    expect(m.topicsOf({ title: 'New York rally', text: '' })).toEqual([]);
    expect(m.topicsOf({ title: 'Snowfall in Newark', text: 'snowboard' })).toEqual([]);
  });

  it('drops an item with an excluded word', () => {
    expect(m.topicsOf({ title: 'NYC storm', text: 'Stormy weather' })).toEqual([]);
  });

  it('refuses a rule with a bad topic id, naming the field', () => {
    const result = TopicRule.safeParse({ topic: 'NYC Weather', label: 'x', match: [['a']] });
    expect(result.error?.issues[0]?.path).toEqual(['topic']);
  });
});
