/** Largest request body the API accepts; every request schema fits comfortably under it. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/**
 * `application/json`, optionally with `charset=utf-8` (RFC 8259 JSON is UTF-8; the parameter is
 * tolerated because some clients add it). Type and parameter names are case-insensitive (RFC 9110
 * §8.3.1); any other parameter or charset is refused rather than guessed at.
 */
export function isJsonContentType(value: string | undefined): boolean {
  if (value === undefined) return false;
  const [type = '', ...params] = value.split(';').map((part) => part.trim());
  if (type.toLowerCase() !== 'application/json') return false;
  return params.every((param) => {
    if (param === '') return true;
    const eq = param.indexOf('=');
    if (eq < 0) return false;
    const name = param.slice(0, eq).trim().toLowerCase();
    const raw = param.slice(eq + 1).trim();
    const unquoted = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
    return name === 'charset' && unquoted.toLowerCase() === 'utf-8';
  });
}

export type DeclaredBody =
  | { readonly kind: 'none' }
  | { readonly kind: 'sized'; readonly bytes: number }
  | { readonly kind: 'streamed' }
  | { readonly kind: 'invalid' };

/**
 * What the framing headers say about the body. Node's parser has already refused conflicting or
 * malformed framing; `invalid` guards the rest (a Content-Length that is not a plain decimal).
 * Without either header an HTTP/1.1 request has no body (RFC 9112 §6.3), whatever the method.
 */
export function declaredBody(headers: Headers): DeclaredBody {
  if (headers.has('transfer-encoding')) return { kind: 'streamed' };
  const length = headers.get('content-length');
  if (length === null) return { kind: 'none' };
  if (!/^\d{1,15}$/.test(length.trim())) return { kind: 'invalid' };
  const bytes = Number(length.trim());
  return bytes === 0 ? { kind: 'none' } : { kind: 'sized', bytes };
}
