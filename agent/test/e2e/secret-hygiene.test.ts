/**
 * Issue 6, secret hygiene, on the REAL agent process (`--env sim`, real simulator, real OS
 * keychain, `--log-level trace`): marker secrets (two fresh RSA-2048 keys in every encoding, the
 * pairing token, every pairing code) go through the full flows (hygiene-flows.ts): demo key
 * imported by the CLI, live key by `PUT /v1/credentials`, pairing by `pt-agent pair`, venue
 * requests signed, every GET, error paths, the WS stream, `pt-agent diagnostics`, a switch to demo
 * (the demo key loaded and used to sign). Then no marker may appear in the data dir, an API answer,
 * a CLI output, the agent's output, or the argv / environment of the agent and its children. The
 * only exceptions: the code on the terminal (pair CLI, agent stderr), the token in the one
 * pairing answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialsOverview, DeviceList, StatusResponse } from '@pt/protocol';
import type { Evidence } from './evidence.js';
import type { SimAgent } from './helpers.js';
import { startSimAgent } from './helpers.js';
import { HygieneRun, PAIR_OK } from './hygiene-flows.js';
import { codeMarkers, foundMarkers, tokenMarkers } from './markers.js';
import type { Marker } from './markers.js';

let running: SimAgent | undefined;
let run: HygieneRun | undefined;

beforeAll(async () => {
  running = await startSimAgent({ extraArgs: ['--log-level', 'trace'] });
  run = new HygieneRun(running);
  await run.run();
}, 180_000);

afterAll(async () => {
  await running?.kill();
});

function done(): HygieneRun {
  if (run === undefined) throw new Error('the flows did not run');
  return run;
}

const keys = (): Marker[] => [...done().demoKey.markers, ...done().liveKey.markers];
const token = (): Marker[] => tokenMarkers(done().token);
const codes = (): Marker[] => done().codes.flatMap(codeMarkers);
const all = (): Marker[] => [...keys(), ...token(), ...codes()];

/** The body of the recorded answer with this label. */
function body(label: string): unknown {
  const item = done().api.items.find((i) => i.label === label);
  if (item === undefined)
    throw new Error(
      `no ${label} among ${done()
        .api.items.map((i) => i.label)
        .join('; ')}`,
    );
  return JSON.parse(item.bytes.toString('utf8').split('\n\n').slice(1).join('\n\n'));
}

const isTerminal = (item: Evidence): boolean => item.label === 'pair stdout' || item.label === 'agent stderr';

describe('secret hygiene of the real agent', () => {
  it('ran the flows it claims, and the scan finds markers where they are meant to be', () => {
    const { demoKey, api, cli, files, proc } = done();
    expect(done().codes).toHaveLength(2);
    expect(foundMarkers(demoKey.markers, demoKey.pem).length).toBeGreaterThanOrEqual(4);
    const paired = api.items.find((i) => i.label === PAIR_OK);
    expect(foundMarkers(token(), paired?.bytes ?? '')).toContain('pairing token');
    expect(cli.leaks(codes()).map((leak) => leak.split(':')[0])).toEqual(['pair stdout', 'agent stderr']);
    const credentials = CredentialsOverview.parse(body('GET /v1/credentials → 200')).credentials;
    expect(credentials.map((c) => c.environment).sort()).toEqual(['demo', 'live']);
    expect(DeviceList.parse(body('GET /v1/devices → 200')).devices).toHaveLength(1);
    expect(StatusResponse.parse(body('GET /v1/status → 200')).tradingState.mode).toBe('active');
    expect(api.items.filter((i) => i.label.startsWith('WS paired frame')).length).toBeGreaterThanOrEqual(4);
    // environment.json is scanned too when it exists (written once the demo switch completed).
    const names = files.items.map((i) => i.label);
    for (const name of [
      'agent.log',
      'hygiene.json',
      'devices.json',
      'ledger-sim.sqlite',
      'ledger-demo.sqlite',
    ])
      expect(
        names.some((n) => n.endsWith(name)),
        name,
      ).toBe(true);
    expect(proc.items.find((i) => i.label.endsWith('/environ'))?.bytes.length).toBeGreaterThan(0);
  });

  it('no marker in any file under the data dir (logs, diagnostics bundle, devices, environment, SQLite) or HOME', () => {
    expect(done().files.leaks(all())).toEqual([]);
  });

  it('no marker in any API answer or WS frame (the token only in the one pairing answer)', () => {
    expect(done().api.leaks([...keys(), ...codes()])).toEqual([]);
    expect(done().api.leaks(token(), (item) => item.label === PAIR_OK)).toEqual([]);
  });

  it("no key or token in CLI output or the agent's stdout / stderr; the code only on the terminal", () => {
    expect(done().cli.leaks([...keys(), ...token()])).toEqual([]);
    expect(done().cli.leaks(codes(), isTerminal)).toEqual([]);
  });

  it('every file in the data dir is 0600 and every directory 0700, while running and after the stop', () => {
    expect(done().modeProblems).toEqual([]);
  });

  it('no marker in the argv or environment of the agent or any process it started', () => {
    expect(done().proc.leaks(all())).toEqual([]);
  });
});
