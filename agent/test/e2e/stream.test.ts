/**
 * The real agent's `/v1/stream` with a real `ws` client from the agent's own origin, the agent on
 * `--env sim` against the real simulator: handshake, health and trading-state events (every frame
 * parsed with the protocol's ServerMessage), upgrade refusals, the 5 s auth deadline, and an
 * environment switch (refused without keys: the socket stays; with demo keys: 4205 and a new epoch).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvironmentOverview, ErrorBody, PROTOCOL_VERSION, StatusResponse } from '@pt/protocol';
import type { ServerMessage } from '@pt/protocol';
import { StreamCloseCode } from '../../src/api/stream/index.js';
import { tempDataDir } from '../process/spawn-agent.js';
import { openClient, readyClient, refusedUpgrade } from '../stream/stream-harness.js';
import type { TestClient } from '../stream/stream-harness.js';
import type { SimAgent } from './helpers.js';
import { callAgent, pairDevice, runCli, startSimAgent, waitFor } from './helpers.js';
import { makeMarkedKey } from './markers.js';

let running: SimAgent | undefined;
let token = '';

beforeAll(async () => {
  running = await startSimAgent();
  ({ token } = await pairDevice(running));
}, 90_000);

afterAll(async () => {
  await running?.kill();
});

function agent(): SimAgent {
  if (running === undefined) throw new Error('agent not started');
  return running;
}

/** Takes messages until one of `type` arrives (skipping the others) and returns it. */
async function nextOfType<T extends ServerMessage['type']>(
  client: TestClient,
  type: T,
  timeoutMs = 10_000,
): Promise<Extract<ServerMessage, { type: T }>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const message = await client.next(Math.max(1, deadline - Date.now()));
    if (message.type === type) return message as Extract<ServerMessage, { type: T }>;
  }
}

describe('the stream of the real agent', () => {
  it('auth → auth.accepted → hello (sim, epoch) → subscribe → subscribed → health and trading state', async () => {
    const client = await openClient(agent().wsUrl, { origin: agent().origin });
    client.send({ type: 'auth', token });
    expect(await client.next()).toEqual({ type: 'auth.accepted' });
    client.send({ type: 'hello', protocolVersion: PROTOCOL_VERSION, clientVersion: 'e2e' });
    const hello = await client.next();
    expect(hello).toMatchObject({ type: 'hello', protocolVersion: PROTOCOL_VERSION, environment: 'sim' });
    if (hello.type !== 'hello') throw new Error('expected hello');
    expect(hello.streamEpoch.length).toBeGreaterThan(0);

    client.send({ type: 'subscribe', streams: ['health', 'trading_state'], tickers: [] });
    const subscribed = await client.next();
    if (subscribed.type !== 'subscribed') throw new Error(`expected subscribed, got ${subscribed.type}`);
    const seqs = new Map(subscribed.streams.map((s) => [s.stream, s.seq]));
    // The publisher published the state at start-up, so both streams already hold events.
    expect(seqs.get('health')).toBeGreaterThanOrEqual(1);
    expect(seqs.get('trading_state')).toBeGreaterThanOrEqual(1);
    client.send({ type: 'resync', stream: 'health', fromSeq: 1 });
    client.send({ type: 'resync', stream: 'trading_state', fromSeq: 1 });
    // A live event (seq 2, …) may arrive between subscribe and the replay: skip to the replayed seq 1.
    let health = await nextOfType(client, 'health.changed');
    while (health.seq !== 1) health = await nextOfType(client, 'health.changed');
    expect(health).toMatchObject({ seq: 1, health: { environment: 'sim' } });
    let trading = await nextOfType(client, 'trading_state.changed');
    while (trading.seq !== 1) trading = await nextOfType(client, 'trading_state.changed');
    expect(trading).toMatchObject({ seq: 1, tradingState: { mode: 'halted' } });
    // With the simulator up, reconciliation ends the start-up halt: that change follows on the
    // stream (replayed by the resync, or live if it happens later).
    let live = trading;
    while (live.tradingState.mode === 'halted')
      live = await nextOfType(client, 'trading_state.changed', 30_000);
    expect(live.seq).toBeGreaterThan(1);
    const status = StatusResponse.parse(
      await (await callAgent(agent().origin, token, 'GET', '/v1/status')).json(),
    );
    expect(status.tradingState.mode).toBe(live.tradingState.mode);
    client.ws.close();
    await client.closed;
  });

  it('refuses a foreign Origin (403) and a token in the URL (400) before any socket exists', async () => {
    const foreign = await refusedUpgrade(agent().wsUrl, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.opened).toBe(false);
    const nullOrigin = await refusedUpgrade(agent().wsUrl, { origin: 'null' });
    expect(nullOrigin.status).toBe(403);
    const rebound = await refusedUpgrade(agent().wsUrl, {
      origin: agent().origin,
      headers: { Host: `evil.example:${agent().ready.port}` },
    });
    expect(rebound.status).toBe(421);
    const inUrl = await refusedUpgrade(`${agent().wsUrl}?token=${token}`, { origin: agent().origin });
    expect(inUrl.status).toBe(400);
    expect(inUrl.opened).toBe(false);
    expect(ErrorBody.parse(JSON.parse(inUrl.body)).code).toBe('BAD_REQUEST');
    expect(inUrl.body).not.toContain(token);
  });

  it('closes a socket that does not authenticate within 5 s with 4401', async () => {
    const startedAt = Date.now();
    const client = await openClient(agent().wsUrl, { origin: agent().origin });
    const closed = await client.closed;
    expect(closed.code).toBe(StreamCloseCode.UNAUTHORIZED);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(4_900);
    expect(client.messages.map((m) => m.type)).toEqual(['error']);
  }, 15_000);

  it('refuses a wrong token with 4401 and processes nothing', async () => {
    const client = await openClient(agent().wsUrl, { origin: agent().origin });
    client.send({ type: 'auth', token: `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}` });
    expect(await client.next()).toMatchObject({ type: 'error', error: { code: 'UNAUTHORIZED' } });
    expect((await client.closed).code).toBe(StreamCloseCode.UNAUTHORIZED);
  });
});

describe('an environment switch and the stream', () => {
  it('sim → demo without demo keys is refused and the socket stays open', async () => {
    const client = await readyClient(agent().wsUrl, token, { origin: agent().origin });
    const refused = await callAgent(agent().origin, token, 'POST', '/v1/environment', {
      environment: 'demo',
    });
    expect(refused.status).toBe(409);
    const body = ErrorBody.parse(await refused.json());
    expect(body.details?.['blockers']).toContain('KEYS_MISSING');
    client.send({ type: 'subscribe', streams: ['orders'], tickers: [] });
    expect(await nextOfType(client, 'subscribed')).toMatchObject({ type: 'subscribed' });
    expect(client.ws.readyState).toBe(client.ws.OPEN);
    client.ws.close();
    await client.closed;
  });
  it('with demo keys, sim → demo closes sockets 4205; hello on demo with a new epoch; the agent survives', async () => {
    const key = makeMarkedKey('demo key');
    const pemFile = join(tempDataDir(), 'demo.pem');
    writeFileSync(pemFile, key.pem, { mode: 0o600 });
    const imported = await runCli([
      ...['keys', 'import', '--env', 'demo', '--key-id', key.keyId, '--pem', pemFile],
      ...['--data-dir', agent().dataDir],
    ]);
    expect(imported.code, imported.stderr).toBe(0);

    const epochBefore = await helloEpoch(token);
    const client = await readyClient(agent().wsUrl, token, { origin: agent().origin });
    const switched = await callAgent(agent().origin, token, 'POST', '/v1/environment', {
      environment: 'demo',
    });
    expect(switched.status, await switched.clone().text()).toBe(200);
    expect(EnvironmentOverview.parse(await switched.json()).environment).toBe('demo');
    expect((await client.closed).code).toBe(StreamCloseCode.ENVIRONMENT_CHANGED);

    // The demo venue cannot reconcile (a throwaway key; offline here): trading stays halted, and
    // the agent keeps running.
    await waitFor(() => agent().agent.stderr().includes('reconcile_failed'), 'the demo reconcile to fail');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(agent().agent.child.exitCode, agent().agent.stderr().slice(-2_000)).toBeNull();
    const hello = await helloMessage(token);
    expect(hello.environment).toBe('demo');
    expect(hello.streamEpoch).not.toBe(epochBefore);
    const health = await (await callAgent(agent().origin, null, 'GET', '/v1/health')).json();
    expect(health).toMatchObject({ environment: 'demo' });
    await runCli(['keys', 'delete', '--env', 'demo', '--data-dir', agent().dataDir]);
  }, 60_000);
});

/** The agent's hello to a fresh connection now. */
async function helloMessage(bearer: string): Promise<Extract<ServerMessage, { type: 'hello' }>> {
  const client = await openClient(agent().wsUrl, { origin: agent().origin });
  client.send({ type: 'auth', token: bearer });
  await nextOfType(client, 'auth.accepted');
  client.send({ type: 'hello', protocolVersion: PROTOCOL_VERSION, clientVersion: 'e2e' });
  const hello = await nextOfType(client, 'hello');
  client.ws.close();
  await client.closed;
  return hello;
}

async function helloEpoch(bearer: string): Promise<string> {
  return (await helloMessage(bearer)).streamEpoch;
}
