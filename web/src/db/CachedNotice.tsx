/** "Cached, not live": shown while a screen paints this browser's cache and the agent has not answered. */
import { formatTime } from '../lib/format.js';
import { useCacheStore } from './cache.store.js';
import type { CacheScope } from './cache.store.js';
import './cached-notice.css';

export function CachedNotice({ scope }: { readonly scope: CacheScope }) {
  const paint = useCacheStore((s) => s[scope]);
  if (paint.state !== 'cached') return null;
  return (
    <p className="cached-notice" role="status" data-testid={`${scope}-cached`}>
      Cached from {formatTime(paint.cachedAtMs)}, not live: waiting for the agent
    </p>
  );
}

export function CachedMarketsNotice() {
  return <CachedNotice scope="markets" />;
}
