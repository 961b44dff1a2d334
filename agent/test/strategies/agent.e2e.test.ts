/**
 * The wiring in the real agent process (agent-api.ts): a paired device lists the strategies
 * (disabled by default), enables one with a config, and reads the change back; a bad config is a
 * 422 naming the field.
 */
import { ErrorBody, StrategyList, StrategyStatus } from '@pt/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killIfRunning, stopAgent } from '../process/spawn-agent.js';
import { startPairedAgent, type PairedAgent } from '../security/paired-agent.js';

let paired: PairedAgent | undefined;

beforeAll(async () => {
  paired = await startPairedAgent();
}, 60_000);

afterAll(async () => {
  if (paired !== undefined) await stopAgent(paired.agent);
  killIfRunning(paired?.agent);
});

function agent(): PairedAgent {
  if (paired === undefined) throw new Error('agent not started');
  return paired;
}

describe('strategies in the running agent', () => {
  it('lists, enables and reads back through the agent API', async () => {
    const listed = StrategyList.parse(await (await agent().call('GET', '/v1/strategies')).json());
    expect(listed.strategies.map((s) => [s.id, s.isEnabled])).toEqual([
      ['volatility-rider', false],
      ['hype-fade', false],
    ]);
    const bad = await agent().call('PUT', '/v1/strategies/volatility-rider', {
      body: JSON.stringify({ config: { windowSize: 1 } }),
    });
    expect(bad.status).toBe(422);
    expect(ErrorBody.parse(await bad.json()).details).toMatchObject({ field: 'config.windowSize' });
    const put = await agent().call('PUT', '/v1/strategies/volatility-rider', {
      body: JSON.stringify({ isEnabled: true, config: { windowSize: 30 } }),
    });
    expect(put.status).toBe(200);
    expect(StrategyStatus.parse(await put.json())).toMatchObject({
      isEnabled: true,
      config: { windowSize: 30 },
    });
    const one = StrategyStatus.parse(
      await (await agent().call('GET', '/v1/strategies/volatility-rider')).json(),
    );
    expect(one).toMatchObject({ isEnabled: true, config: { windowSize: 30, zThreshold: 2.5 } });
  }, 30_000);
});
