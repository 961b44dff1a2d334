/**
 * Routes what the stream worker reports into the feature stores (and, in the one tab the worker
 * names notifier, browser notifications of fills, halts and Flatten All). Everything applies at once:
 * the streams this increment subscribes (orders, trading state, activity, health) are all safety
 * signals or low-rate; frame coalescing arrives with the market data streams.
 */
import type { AccountStream, ServerEvent, StreamName } from '@pt/protocol';
import type { TabListener } from '../agent-client/index.js';
import { useActivityStore } from '../features/activity/activity.store.js';
import { useBookStore } from '../features/book/book.store.js';
import { useFillsStore } from '../features/fills/fills.store.js';
import { useFlattenStore } from '../features/flatten/flatten.store.js';
import { useHealthStore } from '../features/health/health.store.js';
import { useMarketViewStore } from '../features/market-view/market-view.store.js';
import { notifyOf } from '../features/notifications/notify-event.js';
import { useNotificationsStore } from '../features/notifications/notifications.store.js';
import { useOrdersStore } from '../features/orders/orders.store.js';
import { usePortfolioStore } from '../features/portfolio/portfolio.store.js';
import { useSettlementsStore } from '../features/settlements/settlements.store.js';
import { useSessionStore } from '../features/session/session.store.js';
import { useTradingStore } from '../features/trading/trading.store.js';

export const SUBSCRIBED_STREAMS: readonly AccountStream[] = [
  'orders',
  'trading_state',
  'activity',
  'health',
  'flatten',
  'positions',
  'balance',
  'fills',
];

const RELOADERS: Partial<Record<string, () => Promise<void>>> = {
  orders: () => useOrdersStore.getState().reload(),
  trading_state: () => useTradingStore.getState().reload(),
  activity: () => useActivityStore.getState().reload(),
  health: () => useHealthStore.getState().reload(),
  positions: () => usePortfolioStore.getState().reload(),
  fills: () => useFillsStore.getState().reload(),
};

function applyEvent(event: ServerEvent): void {
  switch (event.type) {
    case 'order.updated':
      useOrdersStore.getState().apply(event.order);
      return;
    case 'trading_state.changed':
      useTradingStore.getState().apply(event.tradingState);
      return;
    case 'activity.appended':
      useActivityStore.getState().append(event.activity);
      // Our orders arrive as `order.updated`; a reconciliation entry may describe an external
      // order the execution road never saw, so that one still re-reads the list (coalesced).
      if (event.activity.kind === 'reconciliation') void useOrdersStore.getState().refresh();
      if (event.activity.kind === 'fill') {
        void usePortfolioStore.getState().refresh();
        void useMarketViewStore.getState().reloadFills();
      }
      return;
    case 'health.changed':
      useHealthStore.getState().apply(event.health);
      return;
    case 'book.snapshot':
    case 'book.delta':
    case 'market.updated':
      // Not subscribed in this increment.
      return;
    case 'fill.created':
      useFillsStore.getState().prepend(event.fill);
      void usePortfolioStore.getState().refresh();
      return;
    case 'position.updated':
      // A settlement closes a position: its record is read with the position's change.
      if (useSettlementsStore.getState().isLoaded) void useSettlementsStore.getState().reload();
      void usePortfolioStore.getState().refresh();
      return;
    case 'balance.updated':
      void usePortfolioStore.getState().refresh();
      return;
    case 'flatten.progressed':
      useFlattenStore.getState().apply(event.report);
      return;
  }
}

export function createStreamDispatch(onUnauthorized: (detail: string) => void): TabListener {
  return {
    onStatus: (connection) => {
      useSessionStore.setState({ connection });
      if (connection.state === 'unauthorized') onUnauthorized(connection.detail);
    },
    onHello: (hello) =>
      useSessionStore.setState({ environment: hello.environment, agentVersion: hello.agentVersion }),
    onEvent: (event) => {
      // Before applying: the notice compares with the state the event changes.
      notifyOf(event);
      applyEvent(event);
    },
    onBook: (book) => useBookStore.getState().receive(book),
    onReload: (stream: StreamName) => {
      void RELOADERS[stream]?.().catch(() => undefined);
    },
    onAgentError: () => undefined,
    onNotifier: (isNotifier) => useNotificationsStore.getState().setNotifier(isNotifier),
  };
}
