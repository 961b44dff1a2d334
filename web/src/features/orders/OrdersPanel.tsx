/** Our orders, working first: cancel one, or cancel all (after a confirmation). */
import { useState } from 'react';
import type { Order } from '@pt/protocol';
import { formatCount, formatPrice, formatTime } from '../../lib/format.js';
import { isWorking, sortedOrders, useOrdersStore } from './orders.store.js';
import { PopOutButton } from '../popout/PopOutButton.js';

function originLabel(order: Order): string {
  return order.origin.kind === 'strategy' ? `strategy ${order.origin.strategyId}` : order.origin.kind;
}

export function OrdersPanel() {
  const byKey = useOrdersStore((s) => s.byKey);
  const isLoaded = useOrdersStore((s) => s.isLoaded);
  const cancel = useOrdersStore((s) => s.cancel);
  const cancelAll = useOrdersStore((s) => s.cancelAll);
  const actionError = useOrdersStore((s) => s.actionError);
  const lastCancelAll = useOrdersStore((s) => s.lastCancelAll);
  const [isConfirmingAll, setIsConfirmingAll] = useState(false);
  const orders = sortedOrders(byKey);
  const working = orders.filter(isWorking);

  return (
    <section aria-labelledby="orders-h" className="area-orders">
      <PopOutButton panel="orders" label="Open orders" />
      <h2 id="orders-h">Orders</h2>
      <div className="toolbar">
        {isConfirmingAll ? (
          <>
            <button
              type="button"
              className="danger"
              onClick={() => {
                setIsConfirmingAll(false);
                void cancelAll();
              }}
            >
              Confirm: cancel {working.length} working order{working.length === 1 ? '' : 's'}
            </button>
            <button type="button" onClick={() => setIsConfirmingAll(false)}>
              Keep them
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setIsConfirmingAll(true)} disabled={working.length === 0}>
            Cancel all
          </button>
        )}
      </div>
      {actionError !== null && (
        <p className="error" role="alert">
          {actionError}
        </p>
      )}
      {lastCancelAll !== null && lastCancelAll.unknown.length > 0 && (
        <p className="error" role="alert">
          {lastCancelAll.unknown.length} cancel outcome(s) unknown: reconciling with the venue.
        </p>
      )}
      {!isLoaded ? (
        <p>Loading…</p>
      ) : orders.length === 0 ? (
        <p>No orders yet.</p>
      ) : (
        <table className="orders" data-testid="orders-table">
          <thead>
            <tr>
              <th scope="col">Market</th>
              <th scope="col">Side</th>
              <th scope="col">Price</th>
              <th scope="col">Filled / count</th>
              <th scope="col">Status</th>
              <th scope="col">Origin</th>
              <th scope="col">Updated</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => (
              <tr key={order.clientOrderId ?? order.orderId ?? order.createdAtMs} data-status={order.status}>
                <td>{order.ticker}</td>
                <td>{order.side === 'bid' ? 'Buy YES' : 'Sell YES'}</td>
                <td>{formatPrice(order.priceE4)}</td>
                <td>
                  {formatCount(order.filledCountE2)} / {formatCount(order.countE2)}
                </td>
                <td className={`status-${order.status}`}>
                  {order.status}
                  {order.statusDetail !== null && <span className="detail"> — {order.statusDetail}</span>}
                </td>
                <td>{originLabel(order)}</td>
                <td>{formatTime(order.updatedAtMs)}</td>
                <td>
                  {isWorking(order) && order.orderId !== null && (
                    <button
                      type="button"
                      onClick={() => {
                        if (order.orderId !== null) void cancel(order.orderId);
                      }}
                      aria-label={`Cancel order on ${order.ticker} at ${formatPrice(order.priceE4)}`}
                    >
                      Cancel
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
