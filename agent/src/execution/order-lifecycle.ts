/**
 * The order state machine, pure. One order's execution state is folded from events (the REST
 * ack, WS fills and `user_order` updates, cancel acks, rejections, lost answers, reconciliation);
 * an event that makes no sense in the current state is REPORTED as a value and changes nothing.
 *
 * Counts: the venue reports absolute fill counts (acks, `user_order`, reconciliation) and WS fills
 * arrive one by one, keyed by their id. The filled count is the larger of the highest absolute
 * count reported and the sum of distinct fills, so a fill seen twice, or seen both as a fill and in
 * an ack, is counted once, in any order. Every event is idempotent: delivered twice, it is applied once.
 */
import type { OrderId, OrderStatus } from '@pt/protocol';

export type VenueOrderState = 'resting' | 'canceled' | 'executed';

export type LifecycleEvent =
  /** The create left for the venue (the intent is already in the ledger). */
  | { type: 'sent' }
  /** The create's answer: accepted, with what filled at once and what rests. */
  | { type: 'ack'; orderId: OrderId; filledCountE2: number; remainingCountE2: number }
  /** One execution (WS `fill`), keyed by its id. */
  | { type: 'fill'; fillId: string; orderId: OrderId; countE2: number }
  /** The venue confirmed a cancel; `reducedByE2` 0 = nothing was left. */
  | { type: 'cancel_ack'; reducedByE2: number }
  /** An amend the venue accepted: the new total count (filled + remaining). */
  | { type: 'amend_ack'; countE2: number }
  /** The venue (or our pre-send checks) said no. */
  | { type: 'reject'; detail: string }
  /** The answer was lost: it may or may not rest. Never resubmitted. */
  | { type: 'outcome_unknown'; detail: string }
  /** The venue's view of the order (reconciliation, WS `user_order`): absolute counts and status. */
  | { type: 'venue_state'; orderId: OrderId; state: VenueOrderState; filledCountE2: number }
  /** Reconciliation proved the create never reached the venue. */
  | { type: 'not_found'; detail: string };

export type LifecycleEventType = LifecycleEvent['type'];

export interface OrderLifecycle {
  readonly status: OrderStatus;
  readonly orderId: OrderId | null;
  /** Total fillable size (changed by an amend). */
  readonly countE2: number;
  /** The highest absolute filled count the venue reported. */
  readonly reportedFilledE2: number;
  /** Distinct fills seen, by id. */
  readonly fills: Readonly<Record<string, number>>;
  readonly statusDetail: string | null;
  readonly isSent: boolean;
}

export interface IllegalTransition {
  readonly from: OrderStatus;
  readonly event: LifecycleEventType;
  readonly reason: string;
}

export type TransitionResult =
  | { readonly ok: true; readonly state: OrderLifecycle }
  | { readonly ok: false; readonly illegal: IllegalTransition };

const TERMINAL: ReadonlySet<OrderStatus> = new Set<OrderStatus>(['filled', 'canceled', 'rejected']);

export function isTerminal(status: OrderStatus): boolean {
  return TERMINAL.has(status);
}

/** A new order: the intent is recorded, nothing sent yet. */
export function newLifecycle(countE2: number): OrderLifecycle {
  return {
    status: 'submitting',
    orderId: null,
    countE2,
    reportedFilledE2: 0,
    fills: {},
    statusDetail: null,
    isSent: false,
  };
}

export function filledOf(state: OrderLifecycle): number {
  const fromFills = Object.values(state.fills).reduce((sum, count) => sum + count, 0);
  return Math.max(state.reportedFilledE2, fromFills);
}

/** What may still fill: nothing once terminal. */
export function remainingOf(state: OrderLifecycle): number {
  return isTerminal(state.status) ? 0 : Math.max(0, state.countE2 - filledOf(state));
}

export function transition(state: OrderLifecycle, event: LifecycleEvent): TransitionResult {
  const illegal = (reason: string): TransitionResult => ({
    ok: false,
    illegal: { from: state.status, event: event.type, reason },
  });
  const { status } = state;
  switch (event.type) {
    case 'sent':
      return status === 'submitting' && !state.isSent
        ? ok({ ...state, isSent: true })
        : illegal('only an order not yet sent can be sent');
    case 'ack':
      if (status !== 'submitting' && status !== 'unknown') return illegal('only a submitted order is acked');
      if (event.filledCountE2 + event.remainingCountE2 > state.countE2)
        return illegal('the ack reports more than the order count');
      return settle(
        { ...state, orderId: event.orderId, statusDetail: null },
        event.filledCountE2,
        event.remainingCountE2 === 0 ? 'canceled' : 'working',
        illegal,
      );
    case 'fill':
      return applyFill(state, event, illegal);
    case 'cancel_ack':
      if (status === 'canceled') return ok(state);
      if (status === 'filled' && event.reducedByE2 === 0) return ok(state);
      if (isTerminal(status) || state.orderId === null) return illegal('no working order to cancel');
      return ok({ ...state, status: 'canceled' });
    case 'amend_ack':
      // Absolute, so it is harmless in any live state (the same amend twice is one amend).
      if (isTerminal(status)) return illegal('a finished order cannot be amended');
      if (event.countE2 <= filledOf(state)) return illegal('the amended count is not above the filled count');
      if (status === 'submitting' || status === 'unknown') return ok({ ...state, countE2: event.countE2 });
      return settle({ ...state, countE2: event.countE2 }, 0, 'working', illegal);
    case 'reject':
      if (status === 'rejected') return ok(state);
      return status === 'submitting'
        ? ok({ ...state, status: 'rejected', statusDetail: event.detail })
        : illegal('only an order without an answer can be rejected');
    case 'outcome_unknown':
      if (status === 'unknown') return ok(state);
      return status === 'submitting'
        ? ok({ ...state, status: 'unknown', statusDetail: event.detail })
        : illegal('only an order without an answer can be unknown');
    case 'venue_state':
      return applyVenueState(state, event, illegal);
    case 'not_found':
      if (status === 'rejected') return ok(state);
      return status === 'submitting' || status === 'unknown'
        ? ok({ ...state, status: 'rejected', statusDetail: event.detail })
        : illegal('an acknowledged order cannot be "never placed"');
  }
}

/** Folds events from a start state; illegal ones are collected and skipped. */
export function foldLifecycle(
  start: OrderLifecycle,
  events: readonly LifecycleEvent[],
): { state: OrderLifecycle; illegal: IllegalTransition[] } {
  let state = start;
  const illegal: IllegalTransition[] = [];
  for (const event of events) {
    const result = transition(state, event);
    if (result.ok) state = result.state;
    else illegal.push(result.illegal);
  }
  return { state, illegal };
}

function ok(state: OrderLifecycle): TransitionResult {
  return { ok: true, state };
}

type Illegal = (reason: string) => TransitionResult;

function applyFill(
  state: OrderLifecycle,
  event: Extract<LifecycleEvent, { type: 'fill' }>,
  illegal: Illegal,
): TransitionResult {
  if (state.status === 'rejected') return illegal('a rejected order cannot fill');
  if (state.orderId !== null && state.orderId !== event.orderId)
    return illegal('the fill is for another order');
  if (event.countE2 <= 0) return illegal('a fill has a positive count');
  const known = state.fills[event.fillId];
  if (known !== undefined)
    return known === event.countE2 ? ok(state) : illegal('the fill id was seen with another count');
  const next = { ...state, orderId: event.orderId, fills: { ...state.fills, [event.fillId]: event.countE2 } };
  if (filledOf(next) > state.countE2) return illegal('fills would exceed the order count');
  // A fill after a cancel ack (the cancel raced it) adds to the count; the order stays canceled.
  if (isTerminal(state.status)) return ok(next);
  return settle(next, 0, 'working', illegal);
}

function applyVenueState(
  state: OrderLifecycle,
  event: Extract<LifecycleEvent, { type: 'venue_state' }>,
  illegal: Illegal,
): TransitionResult {
  if (state.orderId !== null && state.orderId !== event.orderId)
    return illegal('the venue order is another order');
  if (event.filledCountE2 > state.countE2)
    return illegal('the venue reports more fills than the order count');
  const withId = { ...state, orderId: event.orderId };
  const target: Record<VenueOrderState, 'working' | 'canceled' | 'filled'> = {
    resting: 'working',
    canceled: 'canceled',
    executed: 'filled',
  };
  const wanted = target[event.state];
  if (state.status === 'rejected') return illegal('a rejected order was found on the venue');
  if (isTerminal(state.status)) {
    // A terminal order stays terminal: the venue may only confirm it (and its fill count).
    if (wanted !== state.status) return illegal(`a ${state.status} order cannot become ${event.state}`);
    return ok({ ...withId, reportedFilledE2: Math.max(state.reportedFilledE2, event.filledCountE2) });
  }
  if (wanted === 'filled') {
    return ok({
      ...withId,
      status: 'filled',
      statusDetail: null,
      countE2: state.countE2,
      reportedFilledE2: state.countE2,
    });
  }
  return settle({ ...withId, statusDetail: null }, event.filledCountE2, wanted, illegal);
}

/**
 * Status from counts for an order that is not (yet) terminal: `working` resolves to resting,
 * partially filled or filled; `canceled` ends it with what filled.
 */
function settle(
  state: OrderLifecycle,
  reportedFilledE2: number,
  outcome: 'working' | 'canceled',
  illegal: Illegal,
): TransitionResult {
  const next = { ...state, reportedFilledE2: Math.max(state.reportedFilledE2, reportedFilledE2) };
  const filled = filledOf(next);
  if (filled > next.countE2) return illegal('filled would exceed the order count');
  if (filled === next.countE2) return ok({ ...next, status: 'filled' });
  if (outcome === 'canceled') return ok({ ...next, status: 'canceled' });
  return ok({ ...next, status: filled > 0 ? 'partially_filled' : 'resting' });
}
