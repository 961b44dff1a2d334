/**
 * RSS 2.0 and Atom 1.0 documents → CollectedItems, with fast-xml-parser. A document that is not
 * XML or not a feed throws FeedFormatError (the poll fails); a single bad entry (no title, no
 * date, no id) is skipped and reported in `skipped`, the rest of the feed still counts.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { CollectedItem, ParseResult } from './types.js';
import { fieldText, parseDateMs, plainText } from './text.js';

export class FeedFormatError extends Error {
  override name = 'FeedFormatError';
}

const ALWAYS_ARRAYS = new Set(['item', 'entry', 'link', 'category']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ALWAYS_ARRAYS.has(name),
});

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function parseFeed(xml: string, source: string): ParseResult {
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new FeedFormatError(`${source}: not well-formed XML (${valid.err.msg}, line ${valid.err.line})`);
  const doc: unknown = parser.parse(xml);
  if (!isNode(doc)) throw new FeedFormatError(`${source}: empty document`);
  if (isNode(doc.rss) && isNode(doc.rss.channel)) return collect(doc.rss.channel.item, source, rssItem);
  if (isNode(doc['rdf:RDF'])) return collect(doc['rdf:RDF'].item, source, rssItem);
  if (isNode(doc.feed)) return collect(doc.feed.entry, source, atomEntry);
  throw new FeedFormatError(`${source}: neither an RSS channel nor an Atom feed`);
}

type EntryReader = (node: Node, source: string) => CollectedItem | string;

function collect(entries: unknown, source: string, read: EntryReader): ParseResult {
  const items: CollectedItem[] = [];
  const skipped: string[] = [];
  for (const entry of Array.isArray(entries) ? entries : []) {
    const result = isNode(entry) ? read(entry, source) : 'entry is not an element';
    if (typeof result === 'string') skipped.push(result);
    else items.push(result);
  }
  return { items, skipped };
}

function rssItem(node: Node, source: string): CollectedItem | string {
  const title = plainText(fieldText(node.title) ?? '');
  const link = fieldText(node.link)?.trim() || null;
  const guid = fieldText(node.guid)?.trim() || link;
  const publishedAtMs = parseDateMs(node.pubDate) ?? parseDateMs(node['dc:date']);
  const body = fieldText(node['content:encoded']) ?? fieldText(node.description) ?? '';
  return build(source, { title, key: guid, link, publishedAtMs, body });
}

function atomEntry(node: Node, source: string): CollectedItem | string {
  const title = plainText(fieldText(node.title) ?? '');
  const links = Array.isArray(node.link) ? node.link.filter(isNode) : [];
  const alternate = links.find((l) => l['@_rel'] === undefined || l['@_rel'] === 'alternate');
  const link = typeof alternate?.['@_href'] === 'string' ? alternate['@_href'] : null;
  const key = fieldText(node.id)?.trim() || link;
  const publishedAtMs = parseDateMs(node.published) ?? parseDateMs(node.updated);
  const body = fieldText(node.summary) ?? fieldText(node.content) ?? '';
  return build(source, { title, key, link, publishedAtMs, body });
}

interface Fields {
  title: string;
  key: string | null;
  link: string | null;
  publishedAtMs: number | null;
  body: string;
}

function build(source: string, f: Fields): CollectedItem | string {
  if (f.title === '') return 'entry without a title';
  if (f.key === null) return 'entry without a guid, id or link';
  if (f.publishedAtMs === null) return 'entry without a parsable date';
  return {
    id: `${source}:${f.key}`,
    source,
    title: f.title,
    text: plainText(f.body),
    url: f.link,
    publishedAtMs: f.publishedAtMs,
  };
}
