/**
 * Turns the connector's events into activity: halts and resumes (the trading gate), reconciliation
 * outcomes, disconnects, reconnects, stale data, sequence gaps, fills, and updates of orders that
 * are not ours (the execution road reports our own orders' steps). Venue
 * facts are keyed by venue ids (`fill:<tradeId>`, `venue-order:<orderId>:<status>`), so the same
 * fill seen on the WS and again by reconciliation is one row.
 */
import type { Logger } from 'pino';
import { ClientOrderId, OrderId } from '@pt/protocol';
import type { ConnectorEvent } from '../connectors/kalshi/venue-connector.js';
import type { WsUserOrder } from '../connectors/kalshi/ws/types.js';
import type { ActivityInput } from './activity-input.js';
import { contracts, price, sideVerb } from './format.js';
import { orderFilled } from './order-activity.js';
import type { ActivityRecorder } from './recorder.js';
import {
  reconciliationFailed,
  reconciliationSucceeded,
  staleData,
  tradingHalted,
  tradingResumed,
  venueDisconnected,
  venueReconnected,
} from './system-activity.js';

/** What the bridge needs of a connector (KalshiConnector and VenueConnector have it). */
export interface ActivitySource {
  onEvent(listener: (event: ConnectorEvent) => void): () => void;
}

const GATE_TEXT: Record<string, string> = {
  not_started: 'not connected to the venue',
  stream_down: 'the venue stream dropped; orders, fills and positions are reconciled on reconnect',
  reconciling: 'reconciling with the venue',
  reconcile_failed: 'reconciliation with the venue failed',
  open: 'reconciled with the venue',
};

/**
 * Whether a client order id is one of ours: the execution road reports our orders' steps itself
 * (placed, accepted, canceled, filled…), so the bridge reports venue order updates only for orders
 * placed elsewhere (the Kalshi site, another bot) and would otherwise write each of ours twice.
 */
export type IsOwnOrder = (clientOrderId: string) => boolean;

const NONE_OURS: IsOwnOrder = () => false;

/** The activity for one connector event, or null for data that is not a decision (books, trades). */
export function activityForConnectorEvent(
  event: ConnectorEvent,
  wasOpen: boolean,
  isOwnOrder: IsOwnOrder = NONE_OURS,
): ActivityInput | null {
  switch (event.type) {
    case 'gate_changed': {
      const { gate } = event;
      if (gate.isOpen === wasOpen) return null;
      const key = `gate:${gate.phase}:${gate.sinceMs}`;
      const text = GATE_TEXT[gate.phase] ?? gate.reason;
      return gate.isOpen ? tradingResumed(text, 'system', key) : tradingHalted(text, 'system', key);
    }
    case 'reconciled': {
      const { report } = event;
      const key = `reconcile:${report.startedAtMs}`;
      return report.isOk
        ? reconciliationSucceeded(report.fillsRecorded, key)
        : reconciliationFailed(report.failure ?? 'unknown error', key);
    }
    case 'fill': {
      const { fill } = event;
      return {
        ...orderFilled(
          {
            ticker: fill.marketTicker,
            orderId: orderIdOrNull(fill.orderId),
            clientOrderId: clientIdOrNull(fill.clientOrderId),
          },
          {
            tradeId: fill.tradeId,
            side: fill.bookSide,
            priceE4: fill.yesPriceE4,
            countE2: fill.countE2,
            feeE6: fill.feeE6,
          },
        ),
        venueTsMs: fill.tsMs,
      };
    }
    case 'order_update':
      if (event.order.clientOrderId !== null && isOwnOrder(event.order.clientOrderId)) return null;
      return venueOrderActivity(event.order);
    case 'stale': {
      const { scope } = event;
      const what =
        scope.kind === 'market'
          ? { kind: 'market' as const, ticker: scope.marketTicker }
          : scope.kind === 'channel'
            ? { kind: 'channel' as const, channel: scope.channel }
            : { kind: 'socket' as const };
      return staleData(what, event.reason);
    }
    case 'gap':
      return {
        kind: 'connection',
        severity: 'warning',
        message: `Missed venue messages on ${event.channel} (seq ${event.expectedSeq} expected, ${event.gotSeq} received); its books are unquotable until fresh snapshots arrive.`,
      };
    case 'disconnected':
      return venueDisconnected(event.code, event.reason);
    case 'reconnected':
      return venueReconnected(event.attempt, event.downMs);
    case 'book_changed':
    case 'lifecycle':
    case 'position':
    case 'ticker':
    case 'trade':
      return null;
  }
}

/** Resting (nothing filled yet), canceled and executed; partial fills show as fills. */
function venueOrderActivity(order: WsUserOrder): ActivityInput | null {
  const ids = {
    ticker: order.marketTicker,
    orderId: orderIdOrNull(order.orderId),
    clientOrderId: clientIdOrNull(order.clientOrderId),
    venueTsMs: order.updatedTsMs,
  };
  const what = `${sideVerb(order.bookSide)} ${contracts(order.initialCountE2)} YES, limit ${price(order.yesPriceE4)}`;
  const key = `venue-order:${order.orderId}:${order.status}`;
  switch (order.status) {
    case 'resting':
      if (order.fillCountE2 !== 0) return null;
      return {
        key,
        kind: 'order',
        severity: 'info',
        message: `Order resting on ${order.marketTicker}: ${what}.`,
        ...ids,
      };
    case 'canceled':
      return {
        key,
        kind: 'order',
        severity: 'info',
        message: `Order canceled on ${order.marketTicker} (${what}); ${contracts(order.fillCountE2)} filled, ${contracts(order.remainingCountE2)} unfilled.`,
        ...ids,
      };
    case 'executed':
      return {
        key,
        kind: 'order',
        severity: 'info',
        message: `Order fully filled on ${order.marketTicker}: ${what}.`,
        ...ids,
      };
    case 'unknown':
      return null;
  }
}

function orderIdOrNull(id: string | null): string | null {
  return id !== null && OrderId.safeParse(id).success ? id : null;
}

function clientIdOrNull(id: string | null): string | null {
  return id !== null && ClientOrderId.safeParse(id).success ? id : null;
}

/**
 * Records the connector's decisions through `recorder` until the returned function is called.
 * Never throws into the connector: a failed record (store busy or closed) is logged.
 */
export function bridgeConnectorActivity(
  source: ActivitySource,
  recorder: ActivityRecorder,
  logger: Logger,
  isOwnOrder: IsOwnOrder = NONE_OURS,
): () => void {
  let isOpen = false;
  return source.onEvent((event) => {
    const input = activityForConnectorEvent(event, isOpen, isOwnOrder);
    if (event.type === 'gate_changed') isOpen = event.gate.isOpen;
    if (input === null) return;
    recorder.record(input).catch((err: unknown) => {
      logger.warn({ err, event: event.type }, 'activity not recorded');
    });
  });
}
