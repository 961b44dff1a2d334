/**
 * Browser notifications: the permission (asked only from the "Enable notifications" button), the
 * trader's on/off choice (kept in localStorage), whether this tab is the one that notifies (the
 * stream worker names exactly one), and the tags already shown (one notification per event).
 */
import { create } from 'zustand';
import {
  notificationPermission,
  requestNotificationPermission,
  showBrowserNotification,
} from './browser-notifications.js';
import type { PermissionState } from './browser-notifications.js';
import type { Notice } from './notice-rules.js';

const CHOICE_KEY = 'pt.notifications';
const REMEMBERED_TAGS = 200;

export interface NotificationsState {
  readonly permission: PermissionState;
  /** The trader's choice; notifications show only when also permitted. */
  readonly isWanted: boolean;
  /** This tab shows the notifications of the shared connection. */
  readonly isNotifier: boolean;
  /** Asks the browser's permission (from a click) and turns notifications on if granted. */
  readonly enable: () => Promise<void>;
  readonly disable: () => void;
  readonly setNotifier: (isNotifier: boolean) => void;
  /** Shows it if permitted, wanted, this tab notifies and the tag is new; says whether it did. */
  readonly show: (notice: Notice) => boolean;
}

function storedChoice(): boolean {
  try {
    return localStorage.getItem(CHOICE_KEY) !== 'off';
  } catch {
    return true;
  }
}

function storeChoice(isWanted: boolean): void {
  try {
    localStorage.setItem(CHOICE_KEY, isWanted ? 'on' : 'off');
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
}

const shownTags: string[] = [];

export const useNotificationsStore = create<NotificationsState>((set, get) => ({
  permission: notificationPermission(),
  isWanted: storedChoice(),
  isNotifier: false,
  enable: async () => {
    const permission = await requestNotificationPermission();
    storeChoice(true);
    set({ permission, isWanted: true });
  },
  disable: () => {
    storeChoice(false);
    set({ isWanted: false });
  },
  setNotifier: (isNotifier) => set({ isNotifier }),
  show: (notice) => {
    // The permission can change in the browser's settings at any time: read it each time.
    const permission = notificationPermission();
    if (permission !== get().permission) set({ permission });
    const { isWanted, isNotifier } = get();
    if (permission !== 'granted' || !isWanted || !isNotifier || shownTags.includes(notice.tag)) return false;
    shownTags.push(notice.tag);
    if (shownTags.length > REMEMBERED_TAGS) shownTags.shift();
    showBrowserNotification(notice);
    return true;
  },
}));
