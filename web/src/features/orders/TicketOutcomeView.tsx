/** The ticket's last outcome: placed (with the agent's status), denied (rule + detail) or failed. */
import type { TicketOutcome } from './orders.store.js';

export function TicketOutcomeView({ outcome }: { readonly outcome: TicketOutcome }) {
  switch (outcome.kind) {
    case 'placed':
      return (
        <p className="ok" role="status" data-testid="ticket-outcome">
          Order {outcome.order.status}: {outcome.order.ticker}
          {outcome.order.statusDetail !== null && ` — ${outcome.order.statusDetail}`}
        </p>
      );
    case 'denied':
      return (
        <p className="error" role="alert" data-testid="ticket-outcome">
          Denied by <strong>{outcome.rule}</strong>: {outcome.detail}
        </p>
      );
    case 'failed':
      return (
        <p className="error" role="alert" data-testid="ticket-outcome">
          Not placed ({outcome.code}): {outcome.message}
        </p>
      );
  }
}
