/**
 * Registers the Workbox service worker (web/dist/sw.js: precache of the app shell, no API or WS
 * caching). When a new build is waiting, the update prompt offers to switch; the page reloads once
 * the new worker controls it. Production builds only (the dev server has no sw.js).
 */
import { Workbox } from 'workbox-window';
import { usePwaStore } from '../features/pwa/pwa.store.js';

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('waiting', () => {
    usePwaStore.setState({
      applyUpdate: () => {
        wb.addEventListener('controlling', () => location.reload());
        wb.messageSkipWaiting();
      },
    });
  });
  void wb.register();
}
