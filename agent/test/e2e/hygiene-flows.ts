/**
 * The flows the secret-hygiene test drives through a real agent process, recording everything that
 * comes back (see evidence.ts). Each step is what a user or the PWA does; error paths included.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { PROTOCOL_VERSION, PairResponse } from '@pt/protocol';
import { stopAgent } from '../process/spawn-agent.js';
import { openClient, refusedUpgrade } from '../stream/stream-harness.js';
import { EvidenceLog } from './evidence.js';
import type { SimAgent } from './helpers.js';
import {
  callAgent,
  descendantPids,
  filesUnder,
  looseModes,
  pairCli,
  postPair,
  procFile,
  runCli,
  waitFor,
} from './helpers.js';
import { makeMarkedKey } from './markers.js';
import type { MarkedKey } from './markers.js';

/** The label of the one answer allowed to carry the token. */
export const PAIR_OK = 'POST /v1/pair (the code) → 200';
const FIRST_CODE = /the code ([0-9A-Z]{4}-[0-9A-Z]{4})/;

export class HygieneRun {
  readonly demoKey: MarkedKey = makeMarkedKey('demo key');
  readonly liveKey: MarkedKey = makeMarkedKey('live key');
  /** Every pairing code shown: the agent's start-up code and the CLI's. */
  readonly codes: string[] = [];
  token = '';
  readonly api = new EvidenceLog();
  readonly cli = new EvidenceLog();
  readonly proc = new EvidenceLog();
  readonly files = new EvidenceLog();
  /** Files not 0600 / directories not 0700 in the data dir, while running and after the stop. */
  readonly modeProblems: string[] = [];

  constructor(readonly agent: SimAgent) {}

  /** Import (CLI) → pair (CLI) → credentials (API) → venue signing → reads → stream → diagnostics → /proc → demo → stop → files. */
  async run(): Promise<void> {
    const stderr = (): string => this.agent.agent.stderr();
    await waitFor(() => FIRST_CODE.test(stderr()), 'the start-up pairing code');
    this.codes.push(FIRST_CODE.exec(stderr())?.[1] ?? '');
    const pemDir = mkdtempSync(join(tmpdir(), 'pt-hygiene-pem-'));
    writeFileSync(join(pemDir, 'demo.pem'), this.demoKey.pem, { mode: 0o600 });
    const keyId = this.demoKey.keyId;
    await this.cliRun('keys import', [
      'keys',
      'import',
      '--env',
      'demo',
      '--key-id',
      keyId,
      '--pem',
      join(pemDir, 'demo.pem'),
    ]);
    await this.pair();
    await this.credentials();
    // The agent signs its venue requests (its sim key) until reconciliation opens trading.
    await waitFor(() => stderr().includes('trading gate open'), 'the sim venue to reconcile', 30_000);
    await this.reads();
    await this.stream(this.token, 'paired');
    await this.stream(`${this.token.slice(0, -2)}xx`, 'wrong token');
    const inUrl = await refusedUpgrade(`${this.agent.wsUrl}?token=${this.token}`, {
      origin: this.agent.origin,
    });
    this.api.add('WS upgrade with ?token=', `${inUrl.status} ${inUrl.body}`);
    await this.cliRun('keys list', ['keys', 'list']);
    await this.cliRun('diagnostics', [
      'diagnostics',
      '--out',
      join(this.agent.dataDir, 'diagnostics', 'hygiene.json'),
    ]);
    this.processes();
    this.modeProblems.push(...looseModes(this.agent.dataDir));
    await this.switchToDemo();
    await stopAgent(this.agent.agent);
    this.cli.add('agent stdout', this.agent.agent.stdout());
    this.cli.add('agent stderr', stderr());
    for (const { file, bytes } of filesUnder(this.agent.dataDir)) this.files.add(file, bytes);
    this.modeProblems.push(...looseModes(this.agent.dataDir));
  }

  private async cliRun(label: string, args: string[]): Promise<void> {
    const result = await runCli([...args, '--data-dir', this.agent.dataDir]);
    this.cli.add(`${label} stdout`, result.stdout);
    this.cli.add(`${label} stderr`, result.stderr);
    expect(result.code, `${label}: ${result.stderr}`).toBe(0);
  }

  private async call(
    method: string,
    path: string,
    body?: unknown,
    bearer: string | null = this.token,
  ): Promise<void> {
    await this.api.response(
      `${method} ${path}`,
      await callAgent(this.agent.origin, bearer, method, path, body),
    );
  }

  /** A code from `pt-agent pair`; a wrong code first, the code, then the code replayed. */
  private async pair(): Promise<void> {
    const printed = await pairCli(this.agent.dataDir);
    this.codes.push(printed.code);
    this.cli.add('pair stdout', printed.output.stdout);
    this.cli.add('pair stderr', printed.output.stderr);
    const { origin } = this.agent;
    await this.api.response('POST /v1/pair (wrong code)', await postPair(origin, 'ZZZZ-ZZZZ'));
    const paired = await this.api.response('POST /v1/pair (the code)', await postPair(origin, printed.code));
    this.token = PairResponse.parse(JSON.parse(paired)).token;
    await this.api.response('POST /v1/pair (replayed code)', await postPair(origin, printed.code));
  }

  /** The live key through the API, and every way an import is refused with the key in the body. */
  private async credentials(): Promise<void> {
    const { keyId, pem } = this.liveKey;
    const put = (body: Record<string, unknown>, bearer?: string | null): Promise<void> =>
      this.call(
        'PUT',
        '/v1/credentials',
        { environment: 'live', keyId, privateKeyPem: pem, ...body },
        bearer,
      );
    await put({});
    await put({ keyId: 'not-a-guid' });
    await put({ privateKeyPem: pem.split('\n').slice(0, 14).join('\n') });
    await put({ environment: 'sim' });
    await put({ privateKeyPem: pem.repeat(20) });
    await put({ extra: pem });
    await put({}, null);
  }

  private async reads(): Promise<void> {
    for (const path of ['/v1/health', '/v1/status', '/v1/environment', '/v1/credentials', '/v1/devices'])
      await this.call('GET', path);
    await this.call('GET', `/v1/status?token=${this.token}`);
    await this.call('GET', '/v1/devices', undefined, `${this.token.slice(0, -2)}xx`);
    const foreign = { origin: 'https://evil.example', authorization: `Bearer ${this.token}` };
    const res = await fetch(`${this.agent.origin}/v1/devices`, { headers: foreign });
    await this.api.response('GET /v1/devices (foreign origin)', res);
    await this.call('POST', '/v1/environment', { environment: 'live' });
    await this.call('DELETE', '/v1/credentials/sim');
    await this.call('GET', '/v1/nope');
  }

  /** A WS session; every raw frame recorded (parsing could drop a leaked field). */
  private async stream(authToken: string, label: string): Promise<void> {
    const client = await openClient(this.agent.wsUrl, { origin: this.agent.origin });
    client.ws.on('message', (data: Buffer) => this.api.add(`WS ${label} frame`, data));
    client.send({ type: 'auth', token: authToken });
    client.send({ type: 'hello', protocolVersion: PROTOCOL_VERSION, clientVersion: 'hygiene' });
    client.send({ type: 'subscribe', streams: ['health', 'trading_state', 'orders'], tickers: [] });
    client.send({ type: 'resync', stream: 'health', fromSeq: 1 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    client.ws.close();
    await client.closed;
  }

  /** Argv and environment of the agent and every process under it; the files of the HOME it was given. */
  private processes(): void {
    const pid = this.agent.ready.pid;
    for (const p of [pid, ...descendantPids(pid)]) {
      this.proc.add(`/proc/${p}/cmdline`, procFile(p, 'cmdline'));
      this.proc.add(`/proc/${p}/environ`, procFile(p, 'environ'));
    }
    const home = /(?:^|\0)HOME=([^\0]+)/.exec(procFile(pid, 'environ').toString())?.[1];
    for (const { file, bytes } of home === undefined ? [] : filesUnder(home)) this.files.add(file, bytes);
  }

  /**
   * The demo key leaves the keychain and signs (Kalshi's demo host, unreachable offline). A known
   * agent bug crashes the agent when the venue's WS fails (see stream.test.ts), which can cut the
   * answer off; the crash log is scanned like the rest, the exit status is not this test's business.
   */
  private async switchToDemo(): Promise<void> {
    await this.call('POST', '/v1/environment', { environment: 'demo' }).catch((err: unknown) => {
      this.api.add('POST /v1/environment (demo): no answer', String(err));
    });
    const demoVenue = (line: string): boolean =>
      line.includes('venue connector starting') && line.includes('"environment":"demo"');
    await waitFor(() => this.agent.agent.stderr().split('\n').some(demoVenue), 'the demo venue', 10_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
  }
}
