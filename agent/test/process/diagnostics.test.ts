import { appendFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, it, expect } from 'vitest';
import { z } from 'zod';
import type { AgentChild } from './spawn-agent.js';
import { killIfRunning, spawnCli, startAgent, stopAgent, tempDataDir } from './spawn-agent.js';

/** The parts of a bundle read field by field below. */
const BundleParts = z.object({
  store: z.object({
    counts: z.record(z.string(), z.int()),
    migrations: z
      .array(z.object({ id: z.int(), name: z.string(), checksum: z.string(), appliedAtMs: z.int() }))
      .min(1),
  }),
  logs: z.object({ lines: z.array(z.unknown()) }),
});

const running: AgentChild[] = [];
afterEach(() => {
  for (const agent of running.splice(0)) killIfRunning(agent);
});

/** Unique markers: if any of them shows up in a bundle, redaction failed somewhere. */
const PLANTED = {
  configKey: 'PLANTED-vibe-key-7f3a',
  deepKey: 'PLANTED-deep-private-key-91c2',
  bearer: 'PLANTED-bearer-token-55e1',
  pemBody: 'PLANTEDpemBodyQ2x9',
  signature: 'PLANTED-signature-0d4b',
  unparsed: 'PLANTED-plain-password-aa10',
};

function plantSecrets(dataDir: string): void {
  writeFileSync(
    join(dataDir, 'config.json'),
    JSON.stringify({ logLevel: 'debug', vibe: { url: 'http://127.0.0.1:9', apiKey: PLANTED.configKey } }),
  );
}

/** Log lines an older or buggy build might have written: secrets deeper than pino's paths, or in text. */
function plantLogLines(dataDir: string): void {
  const lines = [
    JSON.stringify({
      level: 30,
      msg: 'deep',
      a: { b: { c: { d: { e: { f: { privateKey: PLANTED.deepKey } } } } } },
    }),
    JSON.stringify({ level: 50, msg: `request failed: Authorization: Bearer ${PLANTED.bearer}` }),
    JSON.stringify({
      level: 50,
      msg: 'key dump',
      err: { message: `-----BEGIN PRIVATE KEY-----\n${PLANTED.pemBody}\n-----END PRIVATE KEY-----` },
      headers: { 'KALSHI-ACCESS-SIGNATURE': PLANTED.signature },
    }),
    `not json at all password=${PLANTED.unparsed} Bearer ${PLANTED.unparsed}`,
  ];
  appendFileSync(join(dataDir, 'logs', 'agent.log'), `${lines.join('\n')}\n`);
}

async function runDiagnostics(dataDir: string, outFile: string): Promise<AgentChild> {
  const cli = spawnCli(['diagnostics', '--data-dir', dataDir, '--out', outFile]);
  running.push(cli);
  expect((await cli.exited).code).toBe(0);
  return cli;
}

describe('agent diagnostics', () => {
  it('bundles version, redacted config, log tail, migrations, counts and health, with no planted secret', async () => {
    const dataDir = tempDataDir();
    plantSecrets(dataDir);
    const { agent, ready } = await startAgent(dataDir);
    running.push(agent);
    plantLogLines(dataDir);

    const outFile = join(dataDir, 'bundle-running.json');
    const cli = await runDiagnostics(dataDir, outFile);
    expect(cli.stdout().trim()).toBe(outFile);
    expect(statSync(outFile).mode & 0o777).toBe(0o600);

    const text = readFileSync(outFile, 'utf8');
    for (const secret of Object.values(PLANTED)) expect(text).not.toContain(secret);
    // The running agent never logged them either.
    const logText = readFileSync(join(dataDir, 'logs', 'agent.log'), 'utf8').split('"msg":"deep"')[0] ?? '';
    expect(logText).not.toContain(PLANTED.configKey);
    expect(agent.stderr()).not.toContain(PLANTED.configKey);

    const bundle: unknown = JSON.parse(text);
    expect(bundle).toMatchObject({
      kind: 'pt-agent-diagnostics',
      agent: { version: ready.version, protocolVersion: ready.protocolVersion },
      config: {
        dataDir,
        environment: 'sim',
        logLevel: 'debug',
        vibe: { url: 'http://127.0.0.1:9', apiKey: '[REDACTED]' },
      },
      health: { isRunning: true, pid: ready.pid, health: { status: 'ok' } },
      store: { exists: true },
    });
    const { store, logs } = BundleParts.parse(bundle);
    expect(Object.keys(store.counts).length).toBeGreaterThan(0);
    const lines = logs.lines;
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'agent ready' }));
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'deep' }));

    expect((await stopAgent(agent)).code).toBe(0);
    const stoppedFile = join(dataDir, 'bundle-stopped.json');
    await runDiagnostics(dataDir, stoppedFile);
    const stopped: unknown = JSON.parse(readFileSync(stoppedFile, 'utf8'));
    expect(stopped).toMatchObject({ health: { isRunning: false }, store: { exists: true } });
    for (const secret of Object.values(PLANTED))
      expect(readFileSync(stoppedFile, 'utf8')).not.toContain(secret);
  });

  it('works on a data dir where the agent never ran', async () => {
    const dataDir = tempDataDir();
    const cli = spawnCli(['diagnostics', '--data-dir', dataDir]);
    running.push(cli);
    expect((await cli.exited).code).toBe(0);
    const file = cli.stdout().trim();
    expect(file.startsWith(join(dataDir, 'diagnostics'))).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      health: { isRunning: false },
      store: { exists: false },
      logs: { lines: [] },
    });
  });
});
