/**
 * Pop-out windows: `/panel/<id>` shows one panel alone (a second monitor), `?ticker=` naming the
 * market it shows where that matters (market view, book). Parsing and building those URLs.
 */
import { MarketTicker } from '@pt/protocol';

export interface PopOutRoute {
  readonly panelId: string;
  /** A valid market ticker from the query, else null (a bad one is ignored, not guessed at). */
  readonly ticker: string | null;
}

const PANEL_PATH = /^\/panel\/([a-z][a-z0-9-]{0,39})\/?$/;

export function parsePopOutRoute(pathname: string, search: string): PopOutRoute | null {
  const match = PANEL_PATH.exec(pathname);
  if (match?.[1] === undefined) return null;
  const raw = new URLSearchParams(search).get('ticker');
  const ticker = raw === null ? null : MarketTicker.safeParse(raw.trim().toUpperCase());
  return { panelId: match[1], ticker: ticker?.success === true ? ticker.data : null };
}

export function popOutUrl(panelId: string, ticker: string | null = null): string {
  const query = ticker === null ? '' : `?${new URLSearchParams({ ticker }).toString()}`;
  return `/panel/${encodeURIComponent(panelId)}${query}`;
}

/** Opens (or focuses, by window name) the panel's own window. */
export function openPopOut(panelId: string, ticker: string | null = null): void {
  const name = ticker === null ? `pt-panel-${panelId}` : `pt-panel-${panelId}-${ticker}`;
  window.open(popOutUrl(panelId, ticker), name, 'popup,width=760,height=720');
}

export function isPopOutPath(pathname: string): boolean {
  return PANEL_PATH.test(pathname);
}
