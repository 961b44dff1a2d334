/** The smallest router that will do: the current path, and navigation without a reload. */
import { useSyncExternalStore } from 'react';

const NAVIGATED = 'pt:navigated';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATED, onChange);
  };
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}

/** Replaces the URL (drops a pairing fragment from history too). */
export function navigate(path: string): void {
  history.replaceState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATED));
}
