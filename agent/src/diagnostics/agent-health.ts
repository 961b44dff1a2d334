import { HEALTH_PATH, HealthResponse } from '@pt/protocol';
import { isProcessAlive } from '../process/pid.js';
import { readDiscovery } from '../process/discovery.js';

export type AgentHealthSnapshot =
  | { isRunning: false }
  | { isRunning: true; pid: number; url: string; health: HealthResponse }
  | { isRunning: true; pid: number; url: string; error: string };

/** Ask the agent running on this data dir (found by its discovery file) for its health. */
export async function readAgentHealth(dataDir: string, timeoutMs: number): Promise<AgentHealthSnapshot> {
  const discovery = readDiscovery(dataDir);
  if (discovery === undefined || !isProcessAlive(discovery.pid)) return { isRunning: false };
  const { pid, url } = discovery;
  try {
    const res = await fetch(`${url}${HEALTH_PATH}`, { signal: AbortSignal.timeout(timeoutMs) });
    const parsed = HealthResponse.safeParse(await res.json());
    if (!parsed.success)
      return { isRunning: true, pid, url, error: `unexpected health body (HTTP ${res.status})` };
    return { isRunning: true, pid, url, health: parsed.data };
  } catch (err) {
    return { isRunning: true, pid, url, error: err instanceof Error ? err.message : String(err) };
  }
}
