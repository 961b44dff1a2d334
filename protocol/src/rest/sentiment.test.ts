/** The sentiment query schemas: topic lists and history windows, with errors naming the field. */
import { describe, expect, it } from 'vitest';
import { SentimentHistoryQuery, SentimentQuery } from './sentiment.js';

describe('SentimentQuery', () => {
  it('splits a comma list of topic ids', () => {
    expect(SentimentQuery.parse({ topics: 'cpi, fed,nba.nyk' }).topics).toEqual(['cpi', 'fed', 'nba.nyk']);
  });

  it.each([
    ['', ['topics', 0]],
    ['CPI', ['topics', 0]],
    ['cpi,cpi', ['topics']],
    [Array.from({ length: 33 }, (_, i) => `t${i}`).join(','), ['topics']],
  ])('refuses %j at the topics field', (topics, path) => {
    const result = SentimentQuery.safeParse({ topics });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(path);
  });

  it('refuses unknown parameters', () => {
    expect(SentimentQuery.safeParse({ topics: 'cpi', topic: 'fed' }).success).toBe(false);
  });
});

describe('SentimentHistoryQuery', () => {
  it('coerces the query-string numbers', () => {
    expect(SentimentHistoryQuery.parse({ topic: 'fed', from: '10', to: '20', limit: '5' })).toEqual({
      topic: 'fed',
      from: 10,
      to: 20,
      limit: 5,
    });
  });

  it.each([
    [{ topic: 'fed', from: '30', to: '20' }, ['from']],
    [{ topic: 'fed', limit: '0' }, ['limit']],
    [{ topic: 'fed', from: 'yesterday' }, ['from']],
    [{ topic: 'fed', limit: '2.5' }, ['limit']],
  ])('refuses %j at its field', (query, path) => {
    const result = SentimentHistoryQuery.safeParse(query);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(path);
  });
});
