// @vitest-environment jsdom
/**
 * The notifications control and the one-tab rule, with a fake `Notification` (the browser API is
 * the seam): the permission is asked only on the button's click; a denied permission is said
 * plainly and nothing shows; an event shows once, and only in the tab the stream named notifier.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TradingStateChangedEvent } from '@pt/protocol';
import tradingFixture from '../../../../protocol/src/fixtures/event-trading-state-changed.json';
import { useTradingStore } from '../trading/trading.store.js';
import { NotificationsPanel } from './NotificationsPanel.js';
import { setNotificationApi } from './browser-notifications.js';
import type { NotificationApi } from './browser-notifications.js';
import { useNotificationsStore } from './notifications.store.js';
import { notifyOf } from './notify-event.js';

const halted = TradingStateChangedEvent.parse(tradingFixture.message);

function fakeNotification(answer: NotificationPermission) {
  const shown: { title: string; options: NotificationOptions | undefined }[] = [];
  let asked = 0;
  class FakeNotification {
    static permission: NotificationPermission = 'default';
    static requestPermission(): Promise<NotificationPermission> {
      asked += 1;
      FakeNotification.permission = answer;
      return Promise.resolve(answer);
    }
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, options });
    }
  }
  setNotificationApi(FakeNotification satisfies NotificationApi);
  return { shown, asked: () => asked };
}

beforeEach(() => {
  localStorage.clear();
  useTradingStore.setState({ tradingState: null });
});
afterEach(() => {
  cleanup();
  setNotificationApi(undefined);
});

function resetStore(): void {
  useNotificationsStore.setState({ permission: 'default', isWanted: true, isNotifier: false });
}

describe('NotificationsPanel and notifyOf (fake Notification)', () => {
  it('asks permission only when the button is pressed; then the notifier tab shows each event once', async () => {
    const fake = fakeNotification('granted');
    resetStore();
    render(<NotificationsPanel />);
    expect(fake.asked()).toBe(0);
    expect(screen.getByRole('status').textContent).toContain('Notifications off');
    fireEvent.click(screen.getByRole('button', { name: 'Enable notifications' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Notifications on'));
    expect(fake.asked()).toBe(1);

    // Not the notifier tab: nothing shows.
    notifyOf(halted);
    expect(fake.shown).toEqual([]);
    useNotificationsStore.getState().setNotifier(true);
    notifyOf(halted);
    notifyOf(halted); // the same event again (a relayed duplicate): once only
    expect(fake.shown).toHaveLength(1);
    expect(fake.shown[0]!.title).toBe('Trading HALTED');
    expect(fake.shown[0]!.options?.body).toBe('Reconciling open orders with the venue after start-up');

    // Turned off by the trader: nothing more, and it stays off after a reload (localStorage).
    fireEvent.click(screen.getByRole('button', { name: 'Turn notifications off' }));
    useTradingStore.setState({ tradingState: null });
    notifyOf({ ...halted, seq: halted.seq + 1, tradingState: { ...halted.tradingState, sinceMs: 1 } });
    expect(fake.shown).toHaveLength(1);
    expect(localStorage.getItem('pt.notifications')).toBe('off');
  });

  it('denied: says none will be shown, and shows none', async () => {
    const fake = fakeNotification('denied');
    resetStore();
    render(<NotificationsPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Enable notifications' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('blocked'));
    expect(screen.getByRole('status').textContent).toContain('none will be shown');
    useNotificationsStore.getState().setNotifier(true);
    notifyOf(halted);
    expect(fake.shown).toEqual([]);
  });

  it('a browser without notifications says so and offers no button', () => {
    setNotificationApi(null);
    useNotificationsStore.setState({ permission: 'unsupported' });
    render(<NotificationsPanel />);
    expect(screen.getByText('This browser cannot show notifications.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Enable notifications' })).toBeNull();
  });
});
