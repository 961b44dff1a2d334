/**
 * The real agent on `--env sim` when its venue goes away (the simulator stops): it must keep
 * running, halt trading and say why, not exit.
 */
import { afterAll, expect, it } from 'vitest';
import { StatusResponse } from '@pt/protocol';
import type { SimAgent } from './helpers.js';
import { callAgent, pairDevice, startSimAgent, waitFor } from './helpers.js';

let running: SimAgent | undefined;

afterAll(async () => {
  await running?.kill();
});
it('keeps running with trading halted when the simulator stops', async () => {
  running = await startSimAgent();
  const agent = running;
  const { token } = await pairDevice(agent);
  const status = async (): Promise<StatusResponse> =>
    StatusResponse.parse(await (await callAgent(agent.origin, token, 'GET', '/v1/status')).json());
  await waitFor(() => agent.agent.stderr().includes('trading gate open'), 'the venue to reconcile', 30_000);
  expect((await status()).tradingState.mode).toBe('active');

  await agent.sim?.stop();
  await waitFor(
    () => agent.agent.stderr().includes('ws closed; reconnecting'),
    'the venue WS to drop',
    10_000,
  );
  // Reconnect attempts fail against the stopped simulator; the agent stays up through them.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  expect(agent.agent.child.exitCode, agent.agent.stderr().slice(-2_000)).toBeNull();
  const after = await status();
  expect(after.tradingState.mode).toBe('halted');
  expect(after.health.components.venue.light).not.toBe('green');
}, 60_000);
