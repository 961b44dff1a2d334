import { spawn } from 'node:child_process';
import { Agent, get } from 'node:http';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it, expect, vi } from 'vitest';
import { ErrorBody, HEALTH_PATH, HealthResponse, PROTOCOL_VERSION } from '@pt/protocol';
import type { AgentChild } from './spawn-agent.js';
import { killIfRunning, spawnCli, startAgent, stopAgent, tempDataDir } from './spawn-agent.js';

const running: AgentChild[] = [];
afterEach(() => {
  for (const agent of running.splice(0)) killIfRunning(agent);
});

async function started(dataDir: string, args: readonly string[] = []): ReturnType<typeof startAgent> {
  const result = await startAgent(dataDir, args);
  running.push(result.agent);
  return result;
}

/** Whether a TCP connection to host:port is accepted. */
function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/** Addresses of this machine other than 127.0.0.1 (another interface, or IPv6 loopback). */
function otherLocalAddresses(): string[] {
  const addresses = Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .map((entry) => entry.address)
    .filter((address) => address !== '127.0.0.1');
  return addresses.length > 0 ? addresses : ['::1'];
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  const pid = child.pid;
  await new Promise((done) => child.once('exit', done));
  if (pid === undefined) throw new Error('no pid');
  return pid;
}

describe('agent process contract', () => {
  it('prints one ready line with its own pid, serves health, binds loopback only, stops cleanly on SIGTERM', async () => {
    const dataDir = tempDataDir();
    const { agent, ready } = await started(dataDir);

    expect(ready.pid).toBe(agent.child.pid);
    expect(ready.protocolVersion).toBe(PROTOCOL_VERSION);
    expect(ready.url).toBe(`http://127.0.0.1:${ready.port}`);

    const res = await fetch(`${ready.url}${HEALTH_PATH}`);
    expect(res.status).toBe(200);
    expect(HealthResponse.parse(await res.json())).toEqual({
      status: 'ok',
      version: ready.version,
      protocolVersion: PROTOCOL_VERSION,
      environment: 'sim',
    });
    // Without a paired token, an unknown path is refused like any protected one: no route map leaks.
    const missing = await fetch(`${ready.url}/v1/nope`);
    expect(missing.status).toBe(401);
    expect(ErrorBody.parse(await missing.json()).code).toBe('UNAUTHORIZED');

    for (const address of otherLocalAddresses()) expect(await canConnect(address, ready.port)).toBe(false);
    expect(await canConnect('127.0.0.1', ready.port)).toBe(true);

    const discovery = join(dataDir, 'agent.json');
    expect(statSync(discovery).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(discovery, 'utf8'))).toMatchObject({
      port: ready.port,
      pid: ready.pid,
      version: ready.version,
      url: ready.url,
    });
    expect(existsSync(join(dataDir, 'agent.lock'))).toBe(true);

    const stopped = await stopAgent(agent);
    expect(stopped).toMatchObject({ code: 0, signal: null });
    expect(stopped.elapsedMs).toBeLessThan(5_000);
    expect(existsSync(discovery)).toBe(false);
    expect(existsSync(join(dataDir, 'agent.lock'))).toBe(false);
    // stdout carried the ready line and nothing else; logs went to stderr and the log file.
    expect(agent.stdout().trim().split('\n')).toHaveLength(1);
    expect(agent.stderr()).toContain('"msg":"agent stopped"');
    expect(readFileSync(join(dataDir, 'logs', 'agent.log'), 'utf8')).toContain('"msg":"agent stopped"');
  });

  it('also stops cleanly on SIGINT, and a restart on the same data dir works', async () => {
    const dataDir = tempDataDir();
    const first = await started(dataDir);
    first.agent.child.kill('SIGINT');
    expect(await first.agent.exited).toEqual({ code: 0, signal: null });
    const second = await started(dataDir);
    expect(second.ready.pid).toBe(second.agent.child.pid);
    expect((await stopAgent(second.agent)).code).toBe(0);
  });

  it('stops in order when SIGTERM arrives during start-up', async () => {
    const dataDir = tempDataDir();
    const agent = spawnCli(['--port', '0', '--data-dir', dataDir]);
    running.push(agent);
    await vi.waitFor(() => expect(agent.stderr()).toContain('"msg":"agent starting"'), { timeout: 20_000 });
    agent.child.kill('SIGTERM');
    expect(await agent.exited).toEqual({ code: 0, signal: null });
    expect(agent.stderr()).toContain('"msg":"agent stopped"');
    expect(existsSync(join(dataDir, 'agent.json'))).toBe(false);
    expect(existsSync(join(dataDir, 'agent.lock'))).toBe(false);
  });

  it('does not let an idle keep-alive connection hold up the stop', async () => {
    const { agent, ready } = await started(tempDataDir());
    const keepAlive = new Agent({ keepAlive: true, keepAliveMsecs: 60_000 });
    const status = await new Promise<number | undefined>((done, fail) => {
      get(`${ready.url}${HEALTH_PATH}`, { agent: keepAlive }, (res) => {
        res.resume();
        res.once('end', () => done(res.statusCode));
      }).once('error', fail);
    });
    expect(status).toBe(200);
    expect(Object.keys(keepAlive.freeSockets)).toHaveLength(1);
    // Exit 0 means the orderly stop finished; a stop stuck on the socket would hit the hard deadline (exit 1).
    expect((await stopAgent(agent)).code).toBe(0);
    keepAlive.destroy();
  });

  it('refuses a second agent on the same data dir, naming the running one', async () => {
    const dataDir = tempDataDir();
    const { agent, ready } = await started(dataDir);
    const second = spawnCli(['--port', '0', '--data-dir', dataDir]);
    running.push(second);
    const status = await second.exited;
    expect(status.code).toBe(1);
    expect(second.stdout()).toBe('');
    expect(second.stderr()).toContain(`another agent (pid ${ready.pid}) is already running`);
    // The first agent is untouched: still serving, and its discovery file still points at it.
    expect((await fetch(`${ready.url}${HEALTH_PATH}`)).status).toBe(200);
    expect(JSON.parse(readFileSync(join(dataDir, 'agent.json'), 'utf8'))).toMatchObject({ pid: ready.pid });
    // ...and its log file holds only its own lines.
    const logText = readFileSync(join(dataDir, 'logs', 'agent.log'), 'utf8');
    expect(logText).not.toContain(`"pid":${second.child.pid ?? 'none'}`);
    expect((await stopAgent(agent)).code).toBe(0);
  });

  it('takes over a stale lock left by a dead process, and says so in the log', async () => {
    const dataDir = tempDataDir();
    const stalePid = await deadPid();
    writeFileSync(join(dataDir, 'agent.lock'), JSON.stringify({ pid: stalePid, createdAtMs: 0 }));
    const { agent, ready } = await started(dataDir);
    expect(JSON.parse(readFileSync(join(dataDir, 'agent.lock'), 'utf8'))).toMatchObject({ pid: ready.pid });
    expect(agent.stderr()).toContain('took over a stale agent lock');
    expect(agent.stderr()).toContain(`"stalePid":${stalePid}`);
    expect((await stopAgent(agent)).code).toBe(0);
  });

  it.each([
    [['--port', 'abc'], '--port'],
    [['--port', '99999'], '--port'],
    [['--prot', '1'], '--prot'],
    [['--env', 'paper'], '--env'],
  ])('rejects %j with exit 2 and an error naming %s', async (args, field) => {
    const agent = spawnCli([...args, '--data-dir', tempDataDir()]);
    running.push(agent);
    expect((await agent.exited).code).toBe(2);
    expect(agent.stdout()).toBe('');
    expect(agent.stderr()).toContain(field);
  });

  it('reports a port already in use instead of crashing', async () => {
    const { agent, ready } = await started(tempDataDir());
    const second = spawnCli(['--port', String(ready.port), '--data-dir', tempDataDir()]);
    running.push(second);
    expect((await second.exited).code).toBe(2);
    expect(second.stderr()).toContain(`port ${ready.port} on 127.0.0.1 is already in use`);
    expect((await stopAgent(agent)).code).toBe(0);
  });
});
