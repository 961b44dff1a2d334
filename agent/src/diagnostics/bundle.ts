import { closeSync, fchmodSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { PROTOCOL_VERSION } from '@pt/protocol';
import type { AgentConfig } from '../config/schema.js';
import { LOG_FILE_NAME } from '../lib/logger.js';
import { redactDeep } from '../lib/redact.js';
import { AGENT_VERSION } from '../lib/version.js';
import { readAgentHealth } from './agent-health.js';
import { readLogTail } from './log-tail.js';
import { readStoreSnapshot } from './store-snapshot.js';

const LOG_TAIL = { maxBytes: 512 * 1024, maxLines: 1_000 };
const HEALTH_TIMEOUT_MS = 2_000;

export interface DiagnosticsOptions {
  config: AgentConfig;
  /** Default: `<dataDir>/diagnostics/diagnostics-<timestamp>.json`. */
  outFile?: string;
  nowMs: number;
}

/** Everything support needs to understand a problem, with every secret removed. */
export async function buildDiagnostics(config: AgentConfig, nowMs: number): Promise<unknown> {
  const bundle = {
    kind: 'pt-agent-diagnostics',
    formatVersion: 1,
    createdAt: new Date(nowMs).toISOString(),
    agent: { version: AGENT_VERSION, protocolVersion: PROTOCOL_VERSION },
    runtime: { node: process.version, platform: platform(), arch: arch() },
    config,
    health: await readAgentHealth(config.dataDir, HEALTH_TIMEOUT_MS),
    store: readStoreSnapshot(config.dataDir, config.environment),
    logs: {
      file: join(config.dataDir, 'logs', LOG_FILE_NAME),
      lines: readLogTail(join(config.dataDir, 'logs', LOG_FILE_NAME), LOG_TAIL),
    },
  };
  // One last pass over the whole bundle: the config and anything a section picked up.
  return redactDeep(bundle);
}

/** Write the bundle (owner-only, 0600) and return its path. */
export async function writeDiagnostics(options: DiagnosticsOptions): Promise<string> {
  const bundle = await buildDiagnostics(options.config, options.nowMs);
  const stamp = new Date(options.nowMs).toISOString().replace(/[:.]/g, '-');
  const file = options.outFile ?? join(options.config.dataDir, 'diagnostics', `diagnostics-${stamp}.json`);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const fd = openSync(file, 'w', 0o600);
  try {
    fchmodSync(fd, 0o600);
    writeSync(fd, `${JSON.stringify(bundle, null, 2)}\n`);
  } finally {
    closeSync(fd);
  }
  return file;
}
