/**
 * Source specs → Collectors. Every kind is a PollingCollector with its own fetcher and parser;
 * file sources (offline replay) are time-shifted, network sources are not.
 */
import type { SourceSpec } from '../config/sources.js';
import type { Log } from '../lib/log.js';
import { parseDiscordMessages } from './discord-parser.js';
import { parseFeed } from './feed-parser.js';
import { FileFetcher, HttpFetcher, type Fetcher } from './fetcher.js';
import { PollingCollector } from './polling-collector.js';
import { parseRedditListing } from './reddit-parser.js';
import type { Collector, ParseResult } from './types.js';

export class MalformedJsonError extends Error {
  override name = 'MalformedJsonError';
}

function parseJson(body: string, source: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch (err) {
    throw new MalformedJsonError(
      `${source}: malformed JSON (${err instanceof Error ? err.message : String(err)})`,
    );
  }
}

export interface CollectorDeps {
  log: Log;
  /** Environment for tokens named in the spec (`tokenEnv`, `accessTokenEnv`). */
  env: Readonly<Record<string, string | undefined>>;
  nowMs?: () => number;
}

function fetcherFor(spec: SourceSpec, deps: CollectorDeps): Fetcher {
  if (spec.kind === 'discord') {
    const token = deps.env[spec.tokenEnv];
    if (token === undefined || token === '')
      throw new Error(`discord ${spec.channelId}: ${spec.tokenEnv} is not set`);
    return new HttpFetcher({
      url: `${spec.apiBase.replace(/\/$/, '')}/channels/${spec.channelId}/messages?limit=100`,
      timeoutMs: spec.timeoutMs,
      headers: { authorization: `Bot ${token}` },
    });
  }
  if (spec.file !== undefined) return new FileFetcher(spec.file);
  if (spec.kind === 'reddit') {
    const token = spec.accessTokenEnv === undefined ? undefined : deps.env[spec.accessTokenEnv];
    const host = token === undefined ? 'https://www.reddit.com' : 'https://oauth.reddit.com';
    return new HttpFetcher({
      url: spec.url ?? `${host}/r/${spec.subreddit}/new.json?limit=100&raw_json=1`,
      timeoutMs: spec.timeoutMs,
      ...(token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } }),
    });
  }
  return new HttpFetcher({ url: spec.url ?? '', timeoutMs: spec.timeoutMs });
}

function nameOf(spec: SourceSpec): string {
  if (spec.kind === 'rss') return `rss:${spec.name}`;
  if (spec.kind === 'reddit') return `reddit:${spec.name ?? spec.subreddit}`;
  return `discord:${spec.name ?? spec.channelId}`;
}

function parserFor(spec: SourceSpec): (body: string, source: string) => ParseResult {
  if (spec.kind === 'rss') return parseFeed;
  if (spec.kind === 'reddit') return (body, source) => parseRedditListing(parseJson(body, source), source);
  return (body, source) => parseDiscordMessages(parseJson(body, source), source);
}

export function createCollector(spec: SourceSpec, deps: CollectorDeps): Collector {
  return new PollingCollector({
    name: nameOf(spec),
    fetcher: fetcherFor(spec, deps),
    parse: parserFor(spec),
    intervalMs: spec.intervalS * 1000,
    maxBackoffMs: spec.maxBackoffS * 1000,
    isTimeShifted: spec.kind !== 'discord' && spec.file !== undefined,
    log: deps.log,
    ...(deps.nowMs === undefined ? {} : { nowMs: deps.nowMs }),
  });
}
