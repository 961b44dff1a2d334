/**
 * `pt-agent pair` and `pt-agent devices` as child processes against a running agent process: the
 * printed URL pairs once, the device is listed, a revoke takes effect at once (HTTP 401, open
 * socket closed 4403), and without an agent both commands exit 1 saying so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceList, ErrorBody } from '@pt/protocol';
import { StreamCloseCode } from '../../src/api/stream/index.js';
import { tempDataDir } from '../process/spawn-agent.js';
import { readyClient } from '../stream/stream-harness.js';
import type { SimAgent } from './helpers.js';
import { callAgent, pairCli, pairDevice, postPair, runCli, startSimAgent } from './helpers.js';

let running: SimAgent | undefined;

beforeAll(async () => {
  // No venue needed for pairing: the agent runs on sim without a simulator.
  running = await startSimAgent({ withSim: false });
}, 60_000);

afterAll(async () => {
  await running?.kill();
});

function agent(): SimAgent {
  if (running === undefined) throw new Error('agent not started');
  return running;
}

describe('pt-agent pair (child process, real agent)', () => {
  it('prints http://127.0.0.1:PORT/pair#CODE; the code pairs once, never twice', async () => {
    const printed = await pairCli(agent().dataDir);
    expect(printed.url).toBe(`http://127.0.0.1:${agent().ready.port}/pair#${printed.code}`);
    expect(printed.output.stdout).toContain(`the code ${printed.code} `);
    expect(printed.output.stderr).toBe('');

    const first = await postPair(agent().origin, printed.code, 'first browser');
    expect(first.status).toBe(200);
    const { token } = (await first.json()) as { token: string };
    const again = await postPair(agent().origin, printed.code, 'second browser');
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(again.status).toBeLessThan(500);
    const refusal = ErrorBody.parse(await again.json());
    expect(JSON.stringify(refusal)).not.toContain(printed.code);

    const listed = DeviceList.parse(
      await (await callAgent(agent().origin, token, 'GET', '/v1/devices')).json(),
    );
    expect(listed.devices.map((d) => d.name)).toEqual(['first browser']);
  });

  it('a lower-case code with spaces (as typed) pairs too', async () => {
    const { code } = await pairCli(agent().dataDir);
    const res = await postPair(agent().origin, ` ${code.toLowerCase().replace('-', ' ')} `);
    expect(res.status).toBe(200);
  });
});

describe('pt-agent devices (child process, real agent)', () => {
  it('lists the device; revoke makes its token 401 and closes its open socket 4403 at once', async () => {
    const device = await pairDevice(agent(), 'revoked laptop');
    const other = await pairDevice(agent(), 'kept desktop');
    const listed = await runCli(['devices', '--data-dir', agent().dataDir]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(
      new RegExp(`^${device.deviceId}\\s+revoked laptop\\s+${agent().origin}`, 'm'),
    );
    expect(listed.stdout).toContain(other.deviceId);
    expect(listed.stdout).not.toContain(device.token);

    const socket = await readyClient(agent().wsUrl, device.token, { origin: agent().origin });
    const otherSocket = await readyClient(agent().wsUrl, other.token, { origin: agent().origin });
    expect((await callAgent(agent().origin, device.token, 'GET', '/v1/status')).status).toBe(200);

    const revoked = await runCli(['devices', 'revoke', device.deviceId, '--data-dir', agent().dataDir]);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toBe(`Revoked ${device.deviceId} (revoked laptop): its token no longer works.\n`);
    // "At once": the CLI has exited, so the agent has already applied the revocation.
    const after = await callAgent(agent().origin, device.token, 'GET', '/v1/status');
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(ErrorBody.parse(await after.json()).code).toBe('UNAUTHORIZED');
    expect((await socket.closed).code).toBe(StreamCloseCode.DEVICE_REVOKED);

    // The other device is untouched.
    expect((await callAgent(agent().origin, other.token, 'GET', '/v1/status')).status).toBe(200);
    expect(otherSocket.ws.readyState).toBe(otherSocket.ws.OPEN);
    otherSocket.ws.close();
    await otherSocket.closed;
    const listedAfter = await runCli(['devices', 'list', '--data-dir', agent().dataDir]);
    expect(listedAfter.stdout).not.toContain(device.deviceId);
    expect(listedAfter.stdout).toContain(other.deviceId);
  });

  it('revoking an unknown device exits 1; a malformed id exits 2', async () => {
    const unknown = await runCli(['devices', 'revoke', 'dev_nosuchdevice0', '--data-dir', agent().dataDir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no paired device dev_nosuchdevice0');
    const malformed = await runCli(['devices', 'revoke', 'laptop', '--data-dir', agent().dataDir]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/deviceId: expected a device id/);
  });
});

describe('without a running agent', () => {
  it('pair and devices exit 1 with a clear message; nothing is printed on stdout', async () => {
    const dataDir = tempDataDir();
    for (const args of [['pair'], ['devices'], ['devices', 'revoke', 'dev_aaaaaaaaaaaa']]) {
      const result = await runCli([...args, '--data-dir', dataDir]);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        `pt-agent: no agent running for DATA_DIR ${dataDir} (start it first, or pass the --data-dir it runs with)\n`,
      );
    }
  });

  it('after the agent stops, pair exits 1 too (no stale control socket answers)', async () => {
    const stopped = await startSimAgent({ withSim: false });
    await stopped.stop();
    const result = await runCli(['pair', '--data-dir', stopped.dataDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^pt-agent: no agent running for DATA_DIR /);
  });
});
