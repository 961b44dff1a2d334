/**
 * What must never reach a log line or a diagnostics bundle, declared once. The same key list drives
 * pino's path-based redaction (cheap, at log time) and a deep, case-insensitive scrub used on
 * anything re-read from disk (log tails, config) before it leaves the machine.
 */

/** Field names that carry secrets, in the spellings we emit or receive (HTTP headers arrive lower-case). */
export const SECRET_KEYS: readonly string[] = [
  'token',
  'accessToken',
  'refreshToken',
  'bearerToken',
  'apiKey',
  'apiSecret',
  'api_key',
  'api_secret',
  'secret',
  'clientSecret',
  'client_secret',
  'password',
  'passphrase',
  'privateKey',
  'private_key',
  'privateKeyPem',
  'private_key_pem',
  'authorization',
  'Authorization',
  'proxy-authorization',
  'x-api-key',
  'cookie',
  'set-cookie',
  'KALSHI-ACCESS-SIGNATURE',
  'kalshi-access-signature',
  'signature',
  'pairingCode',
  'pairing_code',
];

/** How deep under the log object pino looks (its `*` wildcard matches exactly one level). */
const MAX_WILDCARD_DEPTH = 4;

export const REDACTED = '[REDACTED]';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function pathSegment(key: string): string {
  return IDENTIFIER.test(key) ? `.${key}` : `["${key}"]`;
}

/** pino `redact.paths` covering every secret key at the top level and up to MAX_WILDCARD_DEPTH below it. */
export function redactPaths(): string[] {
  const paths: string[] = [];
  for (const key of SECRET_KEYS) {
    const segment = pathSegment(key);
    paths.push(segment.startsWith('.') ? segment.slice(1) : segment);
    for (let depth = 1; depth <= MAX_WILDCARD_DEPTH; depth += 1) {
      paths.push(`${Array.from({ length: depth }, () => '*').join('.')}${segment}`);
    }
  }
  return paths;
}

/** Keys compared without case and separators, so `API-Key`, `api_key` and `apiKey` are one key. */
function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '');
}

const SECRET_KEY_SET = new Set(SECRET_KEYS.map(normalizeKey));

export function isSecretKey(key: string): boolean {
  return SECRET_KEY_SET.has(normalizeKey(key));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Secrets that can hide inside free text (an error message, a pasted header, a query string). */
const SECRET_TEXT_PATTERNS: readonly RegExp[] = [
  /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g,
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi,
];

/** `password=…`, `"apiKey": "…"`, `token: …`: a secret key name followed by its value. */
const KEY_VALUE_PATTERN = new RegExp(
  `\\b(${SECRET_KEYS.map(escapeRegExp).join('|')})(["']?\\s*[:=]\\s*["']?)[^\\s"',;&]+`,
  'gi',
);

export function scrubText(text: string): string {
  let scrubbed = text;
  for (const pattern of SECRET_TEXT_PATTERNS) scrubbed = scrubbed.replace(pattern, REDACTED);
  return scrubbed.replace(KEY_VALUE_PATTERN, `$1$2${REDACTED}`);
}

/**
 * A deep copy with every secret-named field replaced and free text scrubbed, at any depth. Used on
 * data read back from disk, where pino's fixed-depth paths are not enough.
 */
export function redactDeep(value: unknown): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (Array.isArray(value)) return value.map(redactDeep);
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      copy[key] = isSecretKey(key) && inner !== undefined && inner !== null ? REDACTED : redactDeep(inner);
    }
    return copy;
  }
  return value;
}
