/** The feed parser on every real feed document in ../shared/data/rss-feeds, and on broken ones. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../cli.js';
import { FeedFormatError, parseFeed } from './feed-parser.js';

const FEEDS = join(DEFAULT_DATA_DIR, 'rss-feeds');
const read = (file: string) => readFileSync(join(FEEDS, file), 'utf8');

describe('parseFeed on the real feeds', () => {
  // Item counts from rss-feeds/PROVENANCE.md; date bounds read from the files (a few feeds carry older items).
  it.each([
    ['guardian.rss', 55, '2017-12-08', '2018-02-01'],
    ['heise.atom', 15, '2016-01-28', '2016-02-02'],
    ['reddit.rss', 24, '2015-11-12', '2015-11-13'],
    ['feedburner.atom', 25, '2015-10-01', '2016-07-01'],
    ['content-encoded.rss', 7, '2017-12-01', '2018-05-01'],
    ['cnbc.xml', 30, '2000-01-01', '2026-03-09'],
    ['nytimes.xml', 50, '2026-03-05', '2026-03-10'],
    ['google.xml', 100, '2016-06-06', '2026-03-15'],
    ['seekingalpha.xml', 20, '2026-03-03', '2026-03-09'],
  ])('%s: %i items, all dated within the recorded range, unique ids', (file, count, from, to) => {
    const { items, skipped } = parseFeed(read(file), `rss:${file}`);
    expect(skipped).toEqual([]);
    expect(items).toHaveLength(count);
    expect(new Set(items.map((item) => item.id)).size).toBe(count);
    for (const item of items) {
      expect(item.title).not.toBe('');
      expect(item.title).not.toMatch(/<[a-z]|&amp;|&#/i);
      expect(item.publishedAtMs).toBeGreaterThanOrEqual(Date.parse(from));
      expect(item.publishedAtMs).toBeLessThan(Date.parse(to));
    }
  });

  it('reads CDATA titles and content:encoded bodies as plain text', () => {
    const [first] = parseFeed(read('content-encoded.rss'), 'rss:medium').items;
    expect(first?.title).toBe('THE CREATIVE FORAGER');
    expect(first?.text.startsWith('Using Wild Ingredients in the Kitchen')).toBe(true);
    expect(first?.text).not.toMatch(/<\/?[a-z]+/i);
  });

  it('keeps RSS guids and Atom ids as the stable id, and the alternate link', () => {
    const cnbc = parseFeed(read('cnbc.xml'), 'rss:cnbc').items[0];
    expect(cnbc?.id).toBe('rss:cnbc:108275158');
    const heise = parseFeed(read('heise.atom'), 'rss:heise').items[0];
    expect(heise?.id).toBe('rss:heise:http://heise.de/-3088438');
    expect(heise?.url).toMatch(/^http:\/\/www\.heise\.de\/developer\/meldung\//);
    expect(heise?.publishedAtMs).toBe(Date.parse('2016-02-01T17:22:00+01:00'));
  });

  it('decodes entities in titles (NYT smart quotes, Reddit escaped HTML descriptions)', () => {
    const titles = parseFeed(read('nytimes.xml'), 'rss:nyt').items.map((item) => item.title);
    expect(titles).toContain('Weak Jobs Data Underscores Fed’s Dilemma as War Stokes Inflation Risk');
    const reddit = parseFeed(read('reddit.rss'), 'rss:reddit').items[0];
    expect(reddit?.text).toContain('submitted by');
    expect(reddit?.text).not.toContain('&lt;');
  });
});

describe('parseFeed on broken input', () => {
  it('throws FeedFormatError for text that is not XML', () => {
    expect(() => parseFeed('{"not": "xml"}', 'rss:x')).toThrow(FeedFormatError);
    expect(() => parseFeed(read('cnbc.xml').slice(0, 5_000), 'rss:cut')).toThrow(/not well-formed XML/);
  });

  it('throws for XML that is neither RSS nor Atom', () => {
    expect(() => parseFeed('<?xml version="1.0"?><urlset><url/></urlset>', 'rss:sitemap')).toThrow(
      /neither an RSS channel nor an Atom feed/,
    );
  });

  it('skips and reports an entry without title or date, keeping the others', () => {
    const xml = `<rss version="2.0"><channel><title>t</title>
      <item><title>Fed holds rates</title><guid>a</guid><pubDate>Sun, 08 Mar 2026 22:16 GMT</pubDate></item>
      <item><guid>b</guid><pubDate>Sun, 08 Mar 2026 22:16 GMT</pubDate></item>
      <item><title>No date</title><guid>c</guid><pubDate>someday</pubDate></item>
    </channel></rss>`;
    const { items, skipped } = parseFeed(xml, 'rss:t');
    expect(items.map((item) => item.id)).toEqual(['rss:t:a']);
    expect(skipped).toEqual(['entry without a title', 'entry without a parsable date']);
  });

  it('reads a channel with a single item (no array in the XML)', () => {
    const xml = `<rss version="2.0"><channel><item><title>Only</title><link>https://x.test/1</link><pubDate>Sun, 08 Mar 2026 22:16 GMT</pubDate></item></channel></rss>`;
    expect(parseFeed(xml, 'rss:one').items.map((item) => item.id)).toEqual(['rss:one:https://x.test/1']);
  });
});

describe('parseFeed on RSS 1.0 (RDF)', () => {
  it('reads items that are siblings of the channel', () => {
    const xml = `<?xml version="1.0"?>
      <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="https://x.test/"><title>x</title></channel>
        <item rdf:about="https://x.test/1"><title>Fed &amp; the markets</title><link>https://x.test/1</link><dc:date>2026-03-08T22:16:00Z</dc:date></item>
      </rdf:RDF>`;
    expect(parseFeed(xml, 'rss:rdf').items).toEqual([
      {
        id: 'rss:rdf:https://x.test/1',
        source: 'rss:rdf',
        title: 'Fed & the markets',
        text: '',
        url: 'https://x.test/1',
        publishedAtMs: Date.parse('2026-03-08T22:16:00Z'),
      },
    ]);
  });
});
