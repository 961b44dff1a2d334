/**
 * Called for every stream event before it is applied to the stores, so the rule sees the trading
 * mode the event changes from. Shows a notification only in the tab the stream names notifier.
 */
import type { ServerEvent } from '@pt/protocol';
import { useTradingStore } from '../trading/trading.store.js';
import { noticeFor } from './notice-rules.js';
import { useNotificationsStore } from './notifications.store.js';

export function notifyOf(event: ServerEvent): void {
  const notifications = useNotificationsStore.getState();
  if (!notifications.isNotifier) return;
  const notice = noticeFor(event, useTradingStore.getState().tradingState?.mode ?? null);
  if (notice !== null) notifications.show(notice);
}
