/**
 * The agent's strategies (`GET /v1/strategies`) and each one's latest decisions (intents and "not
 * traded" rows of the activity feed, by strategy id). Enabling, disabling and saving a config go
 * through `PUT /v1/strategies/:id`; the agent's refusal is kept per strategy with the field it names.
 */
import type { ActivityEvent, StrategyConfigObject, StrategyId, StrategyStatus } from '@pt/protocol';
import { create } from 'zustand';
import { agentRest } from '../../app/services.js';

/** Decisions shown per strategy. */
export const DECISIONS_SHOWN = 3;
/** Activity rows read to find them (the feed has no strategy filter; these two kinds only). */
const DECISION_PAGE = 100;

export interface StrategyError {
  readonly field: string | null;
  readonly message: string;
}

export interface StrategiesStoreState {
  readonly strategies: readonly StrategyStatus[] | null;
  readonly decisions: Readonly<Record<string, readonly ActivityEvent[]>>;
  readonly loadError: string | null;
  /** The strategy a change is in flight for. */
  readonly busyId: string | null;
  readonly errors: Readonly<Record<string, StrategyError>>;
  readonly savedAtMs: Readonly<Record<string, number>>;
  readonly load: () => Promise<void>;
  readonly setEnabled: (id: StrategyId, isEnabled: boolean) => Promise<boolean>;
  readonly saveConfig: (id: StrategyId, config: StrategyConfigObject) => Promise<boolean>;
}

function byStrategy(events: readonly ActivityEvent[]): Record<string, ActivityEvent[]> {
  const grouped: Record<string, ActivityEvent[]> = {};
  for (const event of events) {
    if (event.strategyId === null) continue;
    const list = (grouped[event.strategyId] ??= []);
    if (list.length < DECISIONS_SHOWN) list.push(event);
  }
  return grouped;
}

export const useStrategiesStore = create<StrategiesStoreState>((set, get) => {
  const update = async (
    id: StrategyId,
    body: { isEnabled?: boolean; config?: StrategyConfigObject },
  ): Promise<boolean> => {
    const { [id]: _cleared, ...errors } = get().errors;
    set({ busyId: id, errors });
    const result = await agentRest().updateStrategy(id, body);
    if (!result.ok) {
      const field = result.error.details?.['field'];
      const error = { field: typeof field === 'string' ? field : null, message: result.error.message };
      set({ busyId: null, errors: { ...get().errors, [id]: error } });
      return false;
    }
    const strategies = (get().strategies ?? []).map((s) => (s.id === id ? result.data : s));
    set({ busyId: null, strategies, savedAtMs: { ...get().savedAtMs, [id]: Date.now() } });
    return true;
  };

  return {
    strategies: null,
    decisions: {},
    loadError: null,
    busyId: null,
    errors: {},
    savedAtMs: {},
    load: async () => {
      try {
        const [list, page] = await Promise.all([
          agentRest().strategies(),
          agentRest().activity({ kinds: ['strategy', 'not_traded'], limit: DECISION_PAGE }),
        ]);
        set({ strategies: list.strategies, decisions: byStrategy(page.events), loadError: null });
      } catch (err) {
        set({ loadError: err instanceof Error ? err.message : String(err) });
      }
    },
    setEnabled: (id, isEnabled) => update(id, { isEnabled }),
    saveConfig: (id, config) => update(id, { config }),
  };
});
