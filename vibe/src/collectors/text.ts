/**
 * Plain text out of feed and post fields: markup stripped, HTML entities decoded, whitespace
 * collapsed, length capped (the scorer reads headlines and first paragraphs, not whole articles).
 */

/** Longest text kept per item. */
export const MAX_TEXT_CHARS = 2_000;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  copy: '©',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X'))
      return safeCodePoint(parseInt(body.slice(2), 16), whole);
    if (body.startsWith('#')) return safeCodePoint(parseInt(body.slice(1), 10), whole);
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

/** Strips tags (twice decoded: feeds often escape their HTML once more), collapses whitespace. */
export function plainText(html: string, maxChars = MAX_TEXT_CHARS): string {
  const once = decodeEntities(html.replace(/<[^>]*>/g, ' '));
  const text = decodeEntities(once.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}

/** A feed field as fast-xml-parser hands it: a string, a number, or `{ '#text': … }` when it had attributes. */
export function fieldText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length > 0 ? fieldText(value[0]) : null;
  if (value !== null && typeof value === 'object' && '#text' in value) return fieldText(value['#text']);
  return null;
}

/** Epoch ms of an RFC 822 (RSS) or RFC 3339 (Atom) date, or null when it does not parse. */
export function parseDateMs(value: unknown): number | null {
  const text = fieldText(value);
  if (text === null) return null;
  const ms = Date.parse(text.trim());
  return Number.isFinite(ms) && ms > 0 ? ms : null;
}
