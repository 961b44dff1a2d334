import { chmodSync, existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { discoveryFile, readDiscovery, removeDiscovery, writeDiscovery } from './discovery.js';
import type { DiscoveryRecord } from './discovery.js';

const record: DiscoveryRecord = {
  port: 47821,
  pid: process.pid,
  version: '0.1.0',
  protocolVersion: 1,
  url: 'http://127.0.0.1:47821',
  startedAtMs: 1_700_000_000_000,
};

describe('discovery file', () => {
  it('is written owner-only, even over a wider existing file, with no temp file left behind', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pt-discovery-'));
    writeFileSync(discoveryFile(dataDir), '{}');
    chmodSync(discoveryFile(dataDir), 0o644);
    writeDiscovery(dataDir, record);
    expect(statSync(discoveryFile(dataDir)).mode & 0o777).toBe(0o600);
    expect(readDiscovery(dataDir)).toEqual(record);
    expect(readdirSync(dataDir)).toEqual(['agent.json']);
  });

  it('is removed only by the process it describes', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pt-discovery-'));
    writeDiscovery(dataDir, { ...record, pid: process.pid + 1 });
    removeDiscovery(dataDir, process.pid);
    expect(existsSync(discoveryFile(dataDir))).toBe(true);
    removeDiscovery(dataDir, process.pid + 1);
    expect(existsSync(discoveryFile(dataDir))).toBe(false);
    removeDiscovery(dataDir, process.pid + 1); // already gone: no error
  });

  it('reads as absent when missing or malformed', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pt-discovery-'));
    expect(readDiscovery(dataDir)).toBeUndefined();
    writeFileSync(discoveryFile(dataDir), '{"port":"x"}');
    expect(readDiscovery(dataDir)).toBeUndefined();
  });
});
