/**
 * Connector write outcomes in the road's terms: a create's outcome as a lifecycle event (a 2xx
 * without an order id counts as unknown: the venue may hold it), a failed cancel or amend as an
 * AgentError the API maps to a status, and the venue's resting orders for cancel-all.
 */
import type { OrderId } from '@pt/protocol';
import { collectAll } from '../connectors/kalshi/http/paginate.js';
import type { WriteOutcome } from '../connectors/kalshi/venue-connector.js';
import { AgentError } from '../lib/errors.js';
import type { LifecycleEvent } from './order-lifecycle.js';
import type { ExecutionVenue } from './types.js';

export function createEvent(
  outcome: WriteOutcome<{ orderId: OrderId; fillCountE2: number; remainingCountE2: number }>,
): LifecycleEvent {
  switch (outcome.status) {
    case 'ok':
      return {
        type: 'ack',
        orderId: outcome.value.orderId,
        filledCountE2: outcome.value.fillCountE2,
        remainingCountE2: outcome.value.remainingCountE2,
      };
    case 'rejected':
      // A 2xx without an order id is a rejection here too; the connector still looks for it.
      return outcome.venueCode === undefined
        ? { type: 'outcome_unknown', detail: `Answer broke the API contract: ${outcome.message}` }
        : { type: 'reject', detail: `${outcome.venueCode}: ${outcome.message}` };
    case 'outcome_unknown':
      return {
        type: 'outcome_unknown',
        detail: `Answer lost (${outcome.message}); reconciling by client order id`,
      };
    case 'refused':
      return { type: 'reject', detail: `Not sent: ${outcome.reason}` };
  }
}

export function writeFailure(
  outcome: Exclude<WriteOutcome<unknown>, { status: 'ok' }>,
  what: string,
): AgentError {
  switch (outcome.status) {
    case 'rejected':
      return new AgentError(
        'VENUE_REJECTED',
        `The venue refused the ${what}: ${outcome.message}`,
        {},
        {
          venueCode: outcome.venueCode ?? null,
        },
      );
    case 'outcome_unknown':
      return new AgentError('OUTCOME_UNKNOWN', `The ${what}'s answer was lost; reconciling with the venue`, {
        outcomeUnknown: true,
      });
    case 'refused':
      return outcome.reason.startsWith('Trading halted')
        ? new AgentError('TRADING_HALTED', outcome.reason)
        : new AgentError('VENUE_UNAVAILABLE', `The ${what} was not sent: ${outcome.reason}`, {
            retryable: true,
          });
  }
}

export async function listResting(venue: ExecutionVenue): Promise<{ orderId: OrderId; ticker: string }[]> {
  const orders = await collectAll((cursor) =>
    venue.http.getOrders({ status: 'resting', limit: 1000, ...(cursor === undefined ? {} : { cursor }) }),
  ).catch((err: unknown) => {
    throw new AgentError(
      'VENUE_UNAVAILABLE',
      'The venue did not list the resting orders',
      { retryable: true },
      undefined,
      {
        cause: err,
      },
    );
  });
  return orders.map((order) => ({ orderId: order.orderId, ticker: order.ticker }));
}
