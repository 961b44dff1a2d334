/** The Reddit listing parser on the real go-reddit captures in ../shared/data/reddit, and on broken ones. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../cli.js';
import { parseRedditListing, RedditFormatError } from './reddit-parser.js';

const load = (file: string): unknown =>
  JSON.parse(readFileSync(join(DEFAULT_DATA_DIR, 'reddit', file), 'utf8'));

describe('parseRedditListing on the real captures', () => {
  it('reads both posts of a subreddit listing with fullname ids, permalinks and created_utc', () => {
    const { items, skipped } = parseRedditListing(load('subreddit_posts.json'), 'reddit:test');
    expect(skipped).toEqual([]);
    expect(items.map((item) => [item.id, item.title, item.publishedAtMs])).toEqual([
      ['reddit:test:t3_agi5zf', 'test', 1547618271000],
      ['reddit:test:t3_hyhquk', 'Veggies', 1595808310000],
    ]);
    expect(items[0]?.url).toBe('https://www.reddit.com/r/test/comments/agi5zf/test/');
  });

  it('reads a by-id listing (no cursors)', () => {
    const { items } = parseRedditListing(load('listings_posts.json'), 'reddit:test');
    expect(items.map((item) => item.id)).toEqual(['reddit:test:t3_i2gvg4', 'reddit:test:t3_i2gvs1']);
  });

  it('reads the /comments/<id>.json pair: the post, its comment and the nested replies', () => {
    const { items, skipped } = parseRedditListing(load('post_post.json'), 'reddit:test');
    expect(skipped).toEqual([]);
    expect(items[0]).toMatchObject({ id: 'reddit:test:t3_testpost', title: 'Test' });
    expect(items[1]).toMatchObject({ id: 'reddit:test:t1_testc1', title: 'Hi' });
    expect(items.length).toBeGreaterThan(2);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
  });
});

describe('parseRedditListing on broken input', () => {
  it('throws RedditFormatError naming the place when the envelope is not a Listing', () => {
    expect(() => parseRedditListing({ kind: 't3', data: {} }, 'reddit:x')).toThrow(RedditFormatError);
    expect(() => parseRedditListing([load('subreddit_posts.json'), { error: 403 }], 'reddit:x')).toThrow(
      /at 1\.kind/,
    );
  });

  it('skips a malformed post (no created_utc) and keeps the good one', () => {
    const listing = load('subreddit_posts.json') as {
      data: { children: { data: Record<string, unknown> }[] };
    };
    delete listing.data.children[0]?.data.created_utc;
    const { items, skipped } = parseRedditListing(listing, 'reddit:test');
    expect(items.map((item) => item.id)).toEqual(['reddit:test:t3_hyhquk']);
    expect(skipped).toEqual(['post: created_utc: Invalid input: expected number, received undefined']);
  });
});
