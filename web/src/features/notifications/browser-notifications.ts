/**
 * The browser's Notification API, behind a seam tests replace with a fake. Showing falls back to
 * the service worker's `showNotification` where the page constructor throws (Android Chrome allows
 * notifications only from a service worker).
 */
import type { Notice } from './notice-rules.js';

export type PermissionState = NotificationPermission | 'unsupported';

export interface NotificationApi {
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  new (title: string, options?: NotificationOptions): unknown;
}

function browserApi(): NotificationApi | null {
  return typeof Notification === 'undefined' ? null : Notification;
}

let api: NotificationApi | null | undefined;

/** For tests: a fake Notification (or `null`: the browser has none); `undefined` restores the real one. */
export function setNotificationApi(next: NotificationApi | null | undefined): void {
  api = next;
}

function current(): NotificationApi | null {
  return api === undefined ? browserApi() : api;
}

export function notificationPermission(): PermissionState {
  return current()?.permission ?? 'unsupported';
}

/** Asks the browser (call it from a click: browsers refuse or ignore a prompt without a gesture). */
export async function requestNotificationPermission(): Promise<PermissionState> {
  const notifications = current();
  if (notifications === null) return 'unsupported';
  return notifications.requestPermission();
}

export function showBrowserNotification(notice: Notice): void {
  const notifications = current();
  if (notifications === null) return;
  const options: NotificationOptions = { body: notice.body, tag: notice.tag, icon: '/icon-192.png' };
  try {
    new notifications(notice.title, options);
  } catch {
    void navigator.serviceWorker?.ready.then((registration) =>
      registration.showNotification(notice.title, options),
    );
  }
}
