/**
 * The effective trading state: the most restrictive of the trader's switch, a persistent system
 * halt and the venue gate. `halted` beats `reducing` beats `active`; among equally restrictive
 * states the first in argument order wins (system halt, then the trader's switch, then the venue),
 * so the reason shown is the one a human has to act on first.
 */
import type { TradingMode, TradingState } from '@pt/protocol';

const RESTRICTIVENESS: Record<TradingMode, number> = { active: 0, reducing: 1, halted: 2 };

export function restrictiveness(mode: TradingMode): number {
  return RESTRICTIVENESS[mode];
}

export interface TradingStateParts {
  /** Set while a safety rule's halt (daily loss, drawdown, Flatten All) has not been cleared by a human. */
  systemHalt: TradingState | undefined;
  /** The trader's switch (or its default). */
  user: TradingState;
  /** The venue's own gate: halted until reconciled, while the contract is broken, with no venue. */
  venue: TradingState;
}

export function mostRestrictive(parts: TradingStateParts): TradingState {
  const candidates = [parts.systemHalt, parts.user, parts.venue].filter(
    (state): state is TradingState => state !== undefined,
  );
  let winner = parts.user;
  for (const state of candidates) {
    if (restrictiveness(state.mode) > restrictiveness(winner.mode)) winner = state;
  }
  // Ties go to the earliest part: a system halt before the trader's own halt, the trader before the venue.
  return candidates.find((state) => state.mode === winner.mode) ?? winner;
}
