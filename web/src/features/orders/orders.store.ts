/**
 * Our orders (working first), the manual ticket's last outcome and the cancel actions. The list
 * loads from REST and follows `order.updated`; a denial is kept with its rule and detail and shown
 * at once (a safety signal, never coalesced).
 */
import type { CancelAllResponse, Order, OrderId, PlaceOrderRequest } from '@pt/protocol';
import { create } from 'zustand';
import { denialOf } from '../../agent-client/index.js';
import type { ClientError } from '../../agent-client/index.js';
import { agentRest } from '../../app/services.js';

const WORKING = new Set<Order['status']>(['submitting', 'resting', 'partially_filled', 'unknown']);

export function isWorking(order: Order): boolean {
  return WORKING.has(order.status);
}

/** What the ticket shows after a submit. */
export type TicketOutcome =
  | { readonly kind: 'placed'; readonly order: Order }
  | { readonly kind: 'denied'; readonly rule: string; readonly detail: string }
  | { readonly kind: 'failed'; readonly code: string; readonly message: string };

export interface OrdersStoreState {
  /** Keyed by client order id (or venue id for external orders). */
  readonly byKey: Readonly<Record<string, Order>>;
  readonly isLoaded: boolean;
  readonly ticketOutcome: TicketOutcome | null;
  readonly isPlacing: boolean;
  readonly lastCancelAll: CancelAllResponse | null;
  readonly actionError: string | null;
  readonly reload: () => Promise<void>;
  /** A reload that coalesces: calls while one runs make exactly one more run after it. */
  readonly refresh: () => Promise<void>;
  readonly apply: (order: Order) => void;
  readonly place: (request: PlaceOrderRequest) => Promise<TicketOutcome>;
  readonly cancel: (orderId: OrderId) => Promise<void>;
  readonly cancelAll: () => Promise<void>;
}

function keyOf(order: Order): string {
  return order.clientOrderId ?? order.orderId ?? `${order.ticker}:${order.createdAtMs}`;
}

function failureOf(error: ClientError): TicketOutcome {
  const denial = denialOf(error);
  if (denial !== null) return { kind: 'denied', ...denial };
  return { kind: 'failed', code: error.code, message: error.message };
}

let refreshing: Promise<void> | null = null;
let isRefreshDirty = false;

export const useOrdersStore = create<OrdersStoreState>((set, get) => ({
  byKey: {},
  isLoaded: false,
  ticketOutcome: null,
  isPlacing: false,
  lastCancelAll: null,
  actionError: null,
  reload: async () => {
    const { orders } = await agentRest().orders();
    set({ byKey: Object.fromEntries(orders.map((o) => [keyOf(o), o])), isLoaded: true });
  },
  refresh: () => {
    if (refreshing !== null) {
      isRefreshDirty = true;
      return refreshing;
    }
    refreshing = (async () => {
      do {
        isRefreshDirty = false;
        await get()
          .reload()
          .catch(() => undefined);
      } while (isRefreshDirty);
      refreshing = null;
    })();
    return refreshing;
  },
  apply: (order) => {
    const key = keyOf(order);
    const known = get().byKey[key];
    // A stream update older than what REST already gave us must not roll the order back.
    if (known !== undefined && known.updatedAtMs > order.updatedAtMs) return;
    set({ byKey: { ...get().byKey, [key]: order } });
  },
  place: async (request) => {
    set({ isPlacing: true, ticketOutcome: null });
    const result = await agentRest().placeOrder(request);
    const outcome: TicketOutcome = result.ok
      ? { kind: 'placed', order: result.data.order }
      : failureOf(result.error);
    if (result.ok) get().apply(result.data.order);
    set({ isPlacing: false, ticketOutcome: outcome });
    return outcome;
  },
  cancel: async (orderId) => {
    const result = await agentRest().cancelOrder(orderId);
    if (result.ok) {
      get().apply(result.data.order);
      set({ actionError: null });
    } else set({ actionError: `Cancel failed: ${result.error.message}` });
  },
  cancelAll: async () => {
    const result = await agentRest().cancelAll();
    if (result.ok) {
      set({ lastCancelAll: result.data, actionError: null });
      await get().reload();
    } else set({ actionError: `Cancel all failed: ${result.error.message}` });
  },
}));

/** Working orders first, then newest first. */
export function sortedOrders(byKey: Readonly<Record<string, Order>>): Order[] {
  return Object.values(byKey).sort((a, b) => {
    const working = Number(isWorking(b)) - Number(isWorking(a));
    return working !== 0 ? working : b.updatedAtMs - a.updatedAtMs;
  });
}
