/** The agent's own origin; the PWA is served from here and only from here. */
export function canonicalOriginFor(port: number): string {
  return `http://127.0.0.1:${port}`;
}

export interface OriginAllowList {
  /** Canonical origin at the current port (the port is known only once the server listens). */
  readonly canonical: () => string;
  /** Exact string match; `null`, a missing Origin and anything else are refused. */
  readonly isAllowed: (origin: string | undefined) => origin is string;
}

/**
 * Canonical origin + the user's extra origins, matched as exact strings. No normalisation is
 * needed or wanted: browsers send the serialised origin (lower-case scheme and host, no default
 * port, no path), and config validation (`AllowedOrigin`) only accepts origins already in that
 * form, so any other spelling is not a browser's Origin and is refused.
 */
export function createOriginAllowList(port: () => number, extra: readonly string[]): OriginAllowList {
  // `null` is what sandboxed iframes, file: pages and some redirects send: never trusted.
  const extras = new Set(extra.filter((origin) => origin !== 'null'));
  const canonical = (): string => canonicalOriginFor(port());
  return {
    canonical,
    isAllowed: (origin): origin is string =>
      origin !== undefined && origin !== 'null' && (origin === canonical() || extras.has(origin)),
  };
}
