/**
 * What stands in the way of a switch: exposure in the current environment (orders of ours resting,
 * creates whose outcome is unknown, open positions), missing keys for demo/live, the live
 * acknowledgement, a switch already running. Pure functions plus the keychain look-up.
 */
import {
  LIVE_ACK_PHRASE,
  type KeyedEnvironment,
  type SwitchBlocker,
  type TradingEnvironment,
} from '@pt/protocol';
import type { LocalState } from '../connectors/kalshi/reconcile/types.js';
import type { CredentialsStore } from '../keychain/types.js';
import { isAgentError } from '../lib/errors.js';

export interface Exposure {
  /** Orders of ours the venue holds with a quantity remaining. */
  restingOrders: number;
  /**
   * Resting orders reconciliation imported as placed outside the agent. They block too: they rest
   * on this environment's account, and a reconciliation racing a create can label one of ours
   * external (its snapshot sees the order before the create's answer is recorded).
   */
  externalOrders: number;
  /** Creates whose answer was lost: they may be resting until reconciliation says otherwise. */
  unknownOrders: number;
  /** Markets with a non-zero position. */
  openPositions: number;
}

export function exposureOf(state: LocalState): Exposure {
  const resting = state.openOrders.filter((order) => order.remainingCountE2 > 0);
  return {
    restingOrders: resting.filter((order) => !order.isExternal).length,
    externalOrders: resting.filter((order) => order.isExternal).length,
    unknownOrders: state.unknownIntents.length,
    openPositions: [...state.positions.values()].filter((count) => count !== 0).length,
  };
}

export function exposureBlockers(exposure: Exposure): SwitchBlocker[] {
  const blockers: SwitchBlocker[] = [];
  if (exposure.restingOrders + exposure.externalOrders + exposure.unknownOrders > 0)
    blockers.push('ORDERS_RESTING');
  if (exposure.openPositions > 0) blockers.push('POSITIONS_OPEN');
  return blockers;
}

export interface KeyStatus {
  blocker: 'KEYS_MISSING' | 'KEYCHAIN_UNAVAILABLE' | undefined;
  /** The keychain's own words when it is unavailable (how to enable one). */
  detail: string | undefined;
}

/** Whether a key is stored per keyed environment, from one keychain look-up; never loads a private key. */
export async function keyStatuses(
  credentials: CredentialsStore,
): Promise<Record<KeyedEnvironment, KeyStatus>> {
  try {
    const overview = await credentials.overview();
    const status = (environment: KeyedEnvironment): KeyStatus => {
      if (!overview.keychain.available)
        return { blocker: 'KEYCHAIN_UNAVAILABLE', detail: overview.keychain.detail };
      const isStored = overview.credentials.some((stored) => stored.environment === environment);
      return { blocker: isStored ? undefined : 'KEYS_MISSING', detail: undefined };
    };
    return { demo: status('demo'), live: status('live') };
  } catch (err) {
    if (!isAgentError(err) || err.code !== 'KEYCHAIN_UNAVAILABLE') throw err;
    const unavailable: KeyStatus = { blocker: 'KEYCHAIN_UNAVAILABLE', detail: err.message };
    return { demo: unavailable, live: unavailable };
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export interface RefusalContext {
  from: TradingEnvironment;
  target: TradingEnvironment;
  exposure: Exposure;
  keychainDetail: string | undefined;
}

/** One sentence per blocker, saying what to do: "Flatten All first: 2 orders resting, 1 position open". */
export function refusalMessage(blockers: readonly SwitchBlocker[], context: RefusalContext): string {
  const { exposure, target, from } = context;
  const parts: string[] = [];
  if (blockers.includes('SWITCH_IN_PROGRESS'))
    parts.push('another environment switch is in progress; try again when it has finished');
  if (blockers.includes('ORDERS_RESTING') || blockers.includes('POSITIONS_OPEN')) {
    const what: string[] = [];
    if (exposure.restingOrders > 0) what.push(`${plural(exposure.restingOrders, 'order')} resting`);
    if (exposure.externalOrders > 0)
      what.push(`${plural(exposure.externalOrders, 'order')} placed outside the agent resting`);
    if (exposure.unknownOrders > 0)
      what.push(`${plural(exposure.unknownOrders, 'order')} with an unknown outcome`);
    if (exposure.openPositions > 0) what.push(`${plural(exposure.openPositions, 'position')} open`);
    parts.push(`Flatten All first: ${what.join(', ')} in ${from}`);
  }
  if (blockers.includes('KEYCHAIN_UNAVAILABLE'))
    parts.push(`no OS keychain can hold the ${target} key: ${context.keychainDetail ?? 'unavailable'}`);
  if (blockers.includes('KEYS_MISSING'))
    parts.push(
      `import your ${target} Kalshi API key first (onboarding wizard, or ` +
        `npm run agent -- keys import --env ${target} --key-id ID --pem FILE)`,
    );
  if (blockers.includes('ACK_REQUIRED'))
    parts.push(`type "${LIVE_ACK_PHRASE}" and accept the liability text to go live`);
  const text = parts.join('; ');
  return `Cannot switch to ${target}: ${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
