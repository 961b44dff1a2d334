/** "Cached, not live": shown while a screen paints this browser's cache and the agent has not answered. */
import { formatTime } from '../lib/format.js';
import { useCacheStore } from './cache.store.js';
import './cached-notice.css';

export function CachedMarketsNotice() {
  const paint = useCacheStore((s) => s.markets);
  if (paint.state !== 'cached') return null;
  return (
    <p className="cached-notice" role="status" data-testid="markets-cached">
      Cached from {formatTime(paint.cachedAtMs)}, not live: waiting for the agent
    </p>
  );
}
