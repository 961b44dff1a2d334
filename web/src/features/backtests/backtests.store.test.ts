import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BacktestId, BacktestReport } from '@pt/protocol';
import { AgentRequestError } from '../../agent-client/index.js';
import type { CommandResult } from '../../agent-client/index.js';
import { setAgentRest } from '../../app/services.js';
import { fakeAgent, type FakeAgent } from '../../test/fake-agent.js';
import { useBacktestsStore } from './backtests.store.js';
import { NEWER, OLDER } from './test-reports.js';

let agent: FakeAgent;

beforeEach(() => {
  agent = fakeAgent();
  agent.backtests = [NEWER, OLDER];
  setAgentRest(agent.rest);
  useBacktestsStore.setState({ summaries: null, listError: null, selectedId: null, view: { kind: 'none' } });
});
afterEach(() => setAgentRest(fakeAgent().rest));

describe('backtests store', () => {
  it('loads the list and selects the newest once, keeping a later choice on reload', async () => {
    await useBacktestsStore.getState().load();
    expect(useBacktestsStore.getState().summaries?.map((s) => s.id)).toEqual([
      NEWER.summary.id,
      OLDER.summary.id,
    ]);
    expect(useBacktestsStore.getState().view).toEqual({ kind: 'ready', report: NEWER });
    await useBacktestsStore.getState().select(OLDER.summary.id);
    await useBacktestsStore.getState().load();
    expect(useBacktestsStore.getState().selectedId).toBe(OLDER.summary.id);
    expect(agent.backtestRequests).toEqual([NEWER.summary.id, OLDER.summary.id]);
  });

  it('drops a late answer for a report no longer selected', async () => {
    const pending = new Map<string, (result: CommandResult<BacktestReport>) => void>();
    setAgentRest({
      ...agent.rest,
      backtest: (id: BacktestId) =>
        new Promise<CommandResult<BacktestReport>>((resolve) => pending.set(id, resolve)),
    });
    const first = useBacktestsStore.getState().select(NEWER.summary.id);
    const second = useBacktestsStore.getState().select(OLDER.summary.id);
    pending.get(OLDER.summary.id)?.({ ok: true, data: OLDER });
    await second;
    pending.get(NEWER.summary.id)?.({ ok: true, data: NEWER });
    await first;
    expect(useBacktestsStore.getState().view).toEqual({ kind: 'ready', report: OLDER });
  });

  it('keeps the list error to show, and clears it on the next good load', async () => {
    setAgentRest({
      ...agent.rest,
      backtests: () =>
        Promise.reject(
          new AgentRequestError({
            code: 'AGENT_UNREACHABLE',
            message: 'the agent did not answer',
            status: null,
            retryable: true,
          }),
        ),
    });
    await useBacktestsStore.getState().load();
    expect(useBacktestsStore.getState()).toMatchObject({
      summaries: null,
      listError: 'the agent did not answer',
    });
    setAgentRest(agent.rest);
    await useBacktestsStore.getState().load();
    expect(useBacktestsStore.getState().listError).toBeNull();
    expect(useBacktestsStore.getState().summaries).toHaveLength(2);
  });
});
