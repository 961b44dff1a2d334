import { closeSync, fchmodSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const DISCOVERY_FILE_NAME = 'agent.json';

/** What a browser launcher, the tray or `agent diagnostics` needs to find a running agent. */
export const DiscoveryRecord = z.object({
  port: z.int().min(1).max(65535),
  pid: z.int().min(1),
  version: z.string().min(1),
  protocolVersion: z.int().min(1),
  url: z.url(),
  startedAtMs: z.int().min(0),
});
export type DiscoveryRecord = z.infer<typeof DiscoveryRecord>;

export function discoveryFile(dataDir: string): string {
  return join(dataDir, DISCOVERY_FILE_NAME);
}

/**
 * Write the discovery file atomically (temp file + rename, so a reader never sees half of it) and
 * owner-only (0600): it tells other local users where the agent listens.
 */
export function writeDiscovery(dataDir: string, record: DiscoveryRecord): string {
  const file = discoveryFile(dataDir);
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    fchmodSync(fd, 0o600); // the file may have existed with a wider mode
    writeSync(fd, `${JSON.stringify(record)}\n`);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  return file;
}

/** The discovery record in the data dir, or undefined if there is none or it does not parse. */
export function readDiscovery(dataDir: string): DiscoveryRecord | undefined {
  try {
    const result = DiscoveryRecord.safeParse(JSON.parse(readFileSync(discoveryFile(dataDir), 'utf8')));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

/** Remove the discovery file if it still describes this process (a successor may have replaced it). */
export function removeDiscovery(dataDir: string, pid: number): void {
  if (readDiscovery(dataDir)?.pid !== pid) return;
  try {
    unlinkSync(discoveryFile(dataDir));
  } catch (err) {
    if (!(err instanceof Error && 'code' in err && err.code === 'ENOENT')) throw err;
  }
}
