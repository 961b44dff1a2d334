import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { killIfRunning, spawnCli, stopAgent, waitForReady } from '../process/spawn-agent.js';
import type { AgentChild } from '../process/spawn-agent.js';
import { childEnv, deadBusEnv, readTree, requireKeychain, tempDir } from './keyring-env.js';

let agent: AgentChild | undefined;
afterEach(() => killIfRunning(agent));
beforeEach(requireKeychain);

async function waitForStderr(child: AgentChild, text: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!child.stderr().includes(text)) {
    if (Date.now() > deadline) throw new Error(`no '${text}' on stderr:\n${child.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the agent on --env demo (real process)', () => {
  it('without a keychain: runs without a venue and says how to enable one', async () => {
    const dataDir = tempDir();
    agent = spawnCli(['--port', '0', '--data-dir', dataDir, '--env', 'demo'], deadBusEnv());
    await waitForReady(agent);
    await waitForStderr(agent, 'Running without a venue');
    expect(agent.stderr()).toContain('OS keychain unavailable: no D-Bus session bus');
    expect(agent.stderr()).toContain('gnome-keyring-daemon --unlock');
    expect((await stopAgent(agent)).code).toBe(0);
    const log = readTree(dataDir).find(({ file }) => file.endsWith('agent.log'));
    expect(log?.text).toContain('OS keychain unavailable');
  });

  it('with a keychain but no demo key: runs without a venue and names the import command', async () => {
    const dataDir = tempDir();
    agent = spawnCli(['--port', '0', '--data-dir', dataDir, '--env', 'demo'], childEnv());
    await waitForReady(agent);
    await waitForStderr(agent, 'running without a venue');
    expect(agent.stderr()).toContain('keys import --env demo --key-id ID --pem FILE');
    expect((await stopAgent(agent)).code).toBe(0);
  });
});
