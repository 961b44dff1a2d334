/** "A new version is ready": shown when a new build's service worker is waiting. */
import { usePwaStore } from './pwa.store.js';

export function UpdatePrompt() {
  const applyUpdate = usePwaStore((s) => s.applyUpdate);
  if (applyUpdate === null) return null;
  return (
    <div className="update-prompt" role="status">
      A new version of the command center is ready.{' '}
      <button type="button" onClick={applyUpdate}>
        Reload to update
      </button>
    </div>
  );
}
