/**
 * Which sources the service collects, as data (`--sources FILE`, JSON). Without a file the
 * offline default reads every bundled real sample in `../shared/data/rss-feeds` and
 * `../shared/data/reddit` through the same parsers, time-shifted to look current.
 */
import { readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { z } from 'zod';

const Name = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, 'expected a short lower-case name');
const Common = {
  /** Poll interval; failures back off from here up to `maxBackoffS`. */
  intervalS: z.int().min(5).max(86_400).default(300),
  maxBackoffS: z.int().min(5).max(86_400).default(3_600),
  timeoutMs: z.int().min(100).max(120_000).default(10_000),
};

export const RssSource = z.strictObject({
  kind: z.literal('rss'),
  name: Name,
  /** Exactly one of url (live) or file (offline replay, time-shifted). */
  url: z.url({ protocol: /^https?$/ }).optional(),
  file: z.string().min(1).optional(),
  ...Common,
});

export const RedditSource = z.strictObject({
  kind: z.literal('reddit'),
  /** Subreddit name without `r/`; the name shown is `reddit:<subreddit>` unless `name` is given. */
  subreddit: z.string().regex(/^[A-Za-z0-9_]{2,21}$/, 'expected a subreddit name'),
  name: Name.optional(),
  /** Listing URL; default `https://www.reddit.com/r/<subreddit>/new.json?limit=100`. */
  url: z.url({ protocol: /^https?$/ }).optional(),
  file: z.string().min(1).optional(),
  /** Optional OAuth bearer token (an installed/script app's access token) read from this env var. */
  accessTokenEnv: z
    .string()
    .regex(/^[A-Z_][A-Z0-9_]*$/)
    .optional(),
  ...Common,
  intervalS: z.int().min(30).max(86_400).default(120),
});

export const DiscordSource = z.strictObject({
  kind: z.literal('discord'),
  channelId: z.string().regex(/^[0-9]{1,20}$/, 'expected a channel snowflake'),
  name: Name.optional(),
  /** Bot token read from this environment variable (never stored in the file). */
  tokenEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/),
  /** API base; default https://discord.com/api/v10 (tests point it at a local server). */
  apiBase: z.url({ protocol: /^https?$/ }).default('https://discord.com/api/v10'),
  ...Common,
  intervalS: z.int().min(10).max(86_400).default(60),
});

export const SourceSpec = z
  .discriminatedUnion('kind', [RssSource, RedditSource, DiscordSource])
  .refine((s) => s.kind === 'discord' || (s.url === undefined) !== (s.file === undefined), {
    path: ['url'],
    message: 'give exactly one of url or file',
  });
export type SourceSpec = z.infer<typeof SourceSpec>;

export const SourcesFile = z.strictObject({ sources: z.array(SourceSpec).min(1).max(200) });

const FEED_EXTENSIONS = new Set(['.xml', '.rss', '.atom']);

/** Every bundled feed and Reddit listing under `dataDir` as an offline source. */
export function offlineSources(dataDir: string, intervalS = 60): SourceSpec[] {
  const feeds = join(dataDir, 'rss-feeds');
  const reddit = join(dataDir, 'reddit');
  const rss = readdirSync(feeds)
    .filter((file) => FEED_EXTENSIONS.has(extname(file)))
    .sort()
    .map((file) =>
      SourceSpec.parse({
        kind: 'rss',
        name: basename(file, extname(file)),
        file: join(feeds, file),
        intervalS,
      }),
    );
  const listings = readdirSync(reddit)
    .filter((file) => extname(file) === '.json')
    .sort()
    .map((file) =>
      SourceSpec.parse({
        kind: 'reddit',
        subreddit: 'test',
        name: basename(file, '.json').replace(/_/g, '-'),
        file: join(reddit, file),
        intervalS: Math.max(intervalS, 30),
      }),
    );
  return [...rss, ...listings];
}
