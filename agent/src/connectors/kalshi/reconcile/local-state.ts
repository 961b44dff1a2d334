/**
 * Where reconciliation reads local belief from and applies its plan to. The execution issue's
 * order state machine will implement `LocalStateStore` over its own tables; `InMemoryLocalState`
 * is the reference implementation (the pure `applyPlan`), used by the connector until then and
 * by tests.
 */
import type { ClientOrderId, MoneyE6 } from '@pt/protocol';
import { applyPlan } from './apply-plan.js';
import { emptyLocalState, withOpenOrder, withUnknownIntent } from './local-state-fold.js';
import type { LocalOpenOrder, LocalState, ReconcilePlan, UnknownIntent } from './types.js';

export interface LocalStateStore {
  read(): LocalState | Promise<LocalState>;
  /** Called after the plan's fills are in the ledger; must apply every action or throw. */
  apply(plan: ReconcilePlan): void | Promise<void>;
  /**
   * The connector saw a create end in `outcome_unknown`. An execution layer that records its own
   * intents may omit this; the in-memory store remembers it for the next reconciliation.
   */
  recordUnknownIntent?(intent: Omit<UnknownIntent, 'checksWithoutMatch'>): void | Promise<void>;
  /** The connector placed an order that is resting (so the next pass does not import it as external). */
  recordAcceptedOrder?(order: Omit<LocalOpenOrder, 'consecutiveMisses'>): void | Promise<void>;
}

export class InMemoryLocalState implements LocalStateStore {
  private state: LocalState;

  constructor(initial: Partial<LocalState> = {}) {
    this.state = { ...emptyLocalState(), ...initial };
  }

  read(): LocalState {
    return this.state;
  }

  apply(plan: ReconcilePlan): void {
    this.state = applyPlan(this.state, plan);
  }

  recordUnknownIntent(intent: Omit<UnknownIntent, 'checksWithoutMatch'>): void {
    this.addUnknownIntent(intent);
  }

  recordAcceptedOrder(order: Omit<LocalOpenOrder, 'consecutiveMisses'>): void {
    this.addOpenOrder(order);
  }

  /** A create's answer was lost: remember it so reconciliation resolves it by client order id. */
  addUnknownIntent(intent: Omit<UnknownIntent, 'checksWithoutMatch'>): void {
    this.state = withUnknownIntent(this.state, intent);
  }

  addOpenOrder(order: Omit<LocalOpenOrder, 'consecutiveMisses'>): void {
    this.state = withOpenOrder(this.state, order);
  }

  hasUnknownIntent(clientOrderId: ClientOrderId): boolean {
    return this.state.unknownIntents.some((intent) => intent.clientOrderId === clientOrderId);
  }

  setBalance(balanceE6: MoneyE6): void {
    this.state = { ...this.state, balanceE6 };
  }
}
