/**
 * A real agent process on a temp data dir, paired like a browser would be: a fresh code from the
 * control socket (as `pt-agent pair` gets it), then `POST /v1/pair` from the agent's own origin.
 */
import { controlRequest } from '../../src/control/control-client.js';
import type { AgentChild, ReadyLine } from '../process/spawn-agent.js';
import { startAgent, tempDataDir } from '../process/spawn-agent.js';

export interface PairedAgent {
  agent: AgentChild;
  ready: ReadyLine;
  dataDir: string;
  origin: string;
  token: string;
  /** fetch against the agent with the pairing origin and (unless `auth: false`) the bearer token. */
  call(
    method: string,
    path: string,
    init?: { body?: string; contentType?: string; auth?: boolean },
  ): Promise<Response>;
}

export async function startPairedAgent(
  extraArgs: readonly string[] = [],
  dataDir = tempDataDir(),
): Promise<PairedAgent> {
  const { agent, ready } = await startAgent(dataDir, extraArgs);
  const origin = ready.url;
  const issued = await controlRequest(dataDir, { method: 'pairing.issue' });
  const res = await fetch(`${origin}/v1/pair`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ code: issued.code, deviceName: 'security suite' }),
  });
  if (res.status !== 200) throw new Error(`pairing failed: ${res.status} ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  return {
    agent,
    ready,
    dataDir,
    origin,
    token,
    call: (method, path, init = {}) =>
      fetch(`${origin}${path}`, {
        method,
        headers: {
          origin,
          ...(init.auth === false ? {} : { authorization: `Bearer ${token}` }),
          ...(init.body === undefined ? {} : { 'content-type': init.contentType ?? 'application/json' }),
        },
        ...(init.body === undefined ? {} : { body: init.body }),
      }),
  };
}
