/**
 * @module
 * The tray menu: a fixed set of items created once (systray2 numbers them at start, so items are
 * shown, hidden and retitled, never added). Risky actions sit behind a confirming sub-item:
 * "Resume trading…" → "Confirm: resume trading", "Flatten All…" → "Confirm: Flatten All".
 */
import type { MenuItem } from 'systray2';
import type { TrayState } from './tray-state.js';

export const TrayAction = {
  OpenCommandCenter: 'open-command-center',
  Pair: 'pair',
  Halt: 'halt',
  ConfirmResume: 'confirm-resume',
  ConfirmFlatten: 'confirm-flatten',
  OpenLogs: 'open-logs',
  SaveDiagnostics: 'save-diagnostics',
  Quit: 'quit',
} as const;
export type TrayAction = (typeof TrayAction)[keyof typeof TrayAction];

export interface TrayMenuItem extends MenuItem {
  action?: TrayAction;
}

function item(title: string, tooltip: string, action?: TrayAction, items?: TrayMenuItem[]): TrayMenuItem {
  return {
    title,
    tooltip,
    enabled: true,
    ...(action === undefined ? {} : { action }),
    ...(items ? { items } : {}),
  };
}

export class TrayMenu {
  readonly status = { ...item('PredictionTrader: starting', 'Agent status'), enabled: false };
  readonly open = item(
    'Open command center',
    'Open the command center in the browser',
    TrayAction.OpenCommandCenter,
  );
  readonly pair = item('Pair a browser', 'Open a fresh one-time pairing link', TrayAction.Pair);
  readonly pairLink = {
    ...item('', 'The last pairing link (single use, 2 minutes)'),
    enabled: false,
    hidden: true,
  };
  readonly halt = item('Halt trading', 'Stop new orders now', TrayAction.Halt);
  readonly resume = item('Resume trading…', 'Needs confirming', undefined, [
    item('Confirm: resume trading', 'Trading resumes at once', TrayAction.ConfirmResume),
  ]);
  readonly flatten = item('Flatten All…', 'Needs confirming', undefined, [
    item(
      'Confirm: Flatten All (halt, cancel, close every position)',
      'Irreversible',
      TrayAction.ConfirmFlatten,
    ),
  ]);
  readonly result = { ...item('', 'The last action'), enabled: false, hidden: true };
  readonly logs = item('Open logs', 'Open the log folder', TrayAction.OpenLogs);
  readonly diagnostics = item(
    'Save diagnostics',
    'Write a diagnostics bundle (no secrets)',
    TrayAction.SaveDiagnostics,
  );
  readonly quit = item(
    'Quit',
    'Stop the agent (cancels resting orders if the setting says so)',
    TrayAction.Quit,
  );

  /** In menu order. */
  items(): TrayMenuItem[] {
    return [
      this.status,
      this.open,
      this.pair,
      this.pairLink,
      this.halt,
      this.resume,
      this.flatten,
      this.result,
      this.logs,
      this.diagnostics,
      this.quit,
    ];
  }

  /** Applies the agent's state; returns the items whose look changed (to send as update-item). */
  applyState(state: TrayState): TrayMenuItem[] {
    const changed: TrayMenuItem[] = [];
    const set = (target: TrayMenuItem, patch: Partial<TrayMenuItem>): void => {
      const isChanged = Object.entries(patch).some(
        ([key, value]) => target[key as keyof TrayMenuItem] !== value,
      );
      if (!isChanged) return;
      Object.assign(target, patch);
      changed.push(target);
    };
    set(this.status, { title: state.statusLine });
    set(this.halt, { hidden: state.isHalted });
    set(this.resume, { hidden: !state.isHalted });
    return changed;
  }

  /** Shows a line under the actions (the last result); returns the item to send. */
  showResult(text: string): TrayMenuItem {
    Object.assign(this.result, { title: text.slice(0, 120), hidden: false });
    return this.result;
  }

  showPairLink(url: string): TrayMenuItem {
    Object.assign(this.pairLink, { title: url, hidden: false });
    return this.pairLink;
  }
}
