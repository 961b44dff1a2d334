import { describe, expect, it } from 'vitest';
import { cpuModelFromCpuinfo, prettyNameFromOsRelease, readMachine } from './machine.js';

describe('machine', () => {
  it('takes the first model name of /proc/cpuinfo', () => {
    const cpuinfo =
      'processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\nprocessor\t: 1\nmodel name\t: other\n';
    expect(cpuModelFromCpuinfo(cpuinfo)).toBe('AMD EPYC 7B13');
    expect(cpuModelFromCpuinfo('processor : 0\n')).toBeNull();
  });
  it('takes PRETTY_NAME of /etc/os-release, quoted or not', () => {
    expect(prettyNameFromOsRelease('NAME="Debian"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n')).toBe(
      'Debian GNU/Linux 12 (bookworm)',
    );
    expect(prettyNameFromOsRelease('PRETTY_NAME=Alpine\n')).toBe('Alpine');
    expect(prettyNameFromOsRelease('')).toBeNull();
  });
  it('reads this machine', () => {
    const machine = readMachine();
    expect(machine.cores).toBeGreaterThan(0);
    expect(machine.ramGiB).toBeGreaterThan(0);
    expect(machine.node).toBe(process.version);
    expect(machine.cpuModel).not.toBe('');
  });
});
