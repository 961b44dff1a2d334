/**
 * Which stream events deserve a browser notification, and its words: the trader's own fills, the
 * trading state moving (HALTED, REDUCING, and back to ACTIVE), and Flatten All's result. Pure:
 * the previous trading mode comes from the caller (the event is not applied yet).
 */
import type { FlattenReport, ServerEvent, TradingMode } from '@pt/protocol';

export interface Notice {
  /** Also the notification's tag: one event never shows twice. */
  readonly tag: string;
  readonly title: string;
  readonly body: string;
}

function flattenBody(report: FlattenReport): string {
  if (report.failure !== null) return `Could not run: ${report.failure}`;
  const left = report.positionsAfter ?? 0;
  const closed = report.markets.filter((m) => m.status === 'flattened').length;
  return left === 0
    ? `Flat: ${closed} position(s) closed; trading halted.`
    : `${left} position(s) left open; trading halted.`;
}

export function noticeFor(event: ServerEvent, previousMode: TradingMode | null): Notice | null {
  switch (event.type) {
    case 'activity.appended': {
      const { activity } = event;
      if (activity.kind !== 'fill') return null;
      return {
        tag: `fill:${activity.id}`,
        title: `Fill · ${activity.ticker ?? 'market'}`,
        body: activity.message,
      };
    }
    case 'trading_state.changed': {
      const { mode, reason, sinceMs } = event.tradingState;
      if (mode === previousMode) return null;
      // The first state a tab hears about is no news unless trading stopped.
      if (previousMode === null && mode === 'active') return null;
      const title = mode === 'active' ? 'Trading ACTIVE again' : `Trading ${mode.toUpperCase()}`;
      return { tag: `trading:${mode}:${sinceMs}`, title, body: reason };
    }
    case 'flatten.progressed': {
      const { report } = event;
      if (report.status !== 'finished') return null;
      const title = report.failure === null ? 'Flatten All finished' : 'Flatten All failed';
      return { tag: `flatten:${report.flattenId}`, title, body: flattenBody(report) };
    }
    case 'book.snapshot':
    case 'book.delta':
    case 'market.updated':
    case 'order.updated':
    case 'fill.created': // the activity entry of the same fill carries the agent's words
    case 'position.updated':
    case 'balance.updated':
    case 'health.changed':
      return null;
  }
}
