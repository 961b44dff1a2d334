/** The machine a report was measured on, from `os`, /proc/cpuinfo and /etc/os-release. */
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface Machine {
  cpuModel: string;
  /** Cores this process may use (`os.availableParallelism`). */
  cores: number;
  ramGiB: number;
  node: string;
  os: string;
  /** 1-minute load average when the run started: the benches share the machine with whatever else runs. */
  loadAvg1: number;
}

/** The first `model name` of /proc/cpuinfo, or null when the file has none. */
export function cpuModelFromCpuinfo(cpuinfo: string): string | null {
  const match = /^model name\s*:\s*(.+)$/m.exec(cpuinfo);
  return match?.[1]?.trim() || null;
}

/** `PRETTY_NAME` of /etc/os-release, or null. */
export function prettyNameFromOsRelease(osRelease: string): string | null {
  const match = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(osRelease);
  return match?.[1]?.trim() || null;
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

export function readMachine(): Machine {
  const distro = prettyNameFromOsRelease(readOrEmpty('/etc/os-release'));
  const kernel = `${os.type()} ${os.release()} ${os.arch()}`;
  return {
    cpuModel: cpuModelFromCpuinfo(readOrEmpty('/proc/cpuinfo')) ?? os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: distro === null ? kernel : `${distro} (${kernel})`,
    loadAvg1: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}
