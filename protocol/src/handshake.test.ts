import { describe, expect, it } from 'vitest';
import { AgentHello, ClientHello, Incompatible, checkCompatibility } from './handshake.js';
import { PROTOCOL_VERSION } from './version.js';

describe('checkCompatibility', () => {
  it('accepts the same version from either side', () => {
    expect(checkCompatibility({ role: 'agent', protocolVersion: 3 }, 3)).toBeNull();
    expect(checkCompatibility({ role: 'client', protocolVersion: 3 }, 3)).toBeNull();
  });

  it.each([
    ['agent', 3, 2, 'clientTooOld'],
    ['agent', 3, 4, 'serverTooOld'],
    ['client', 3, 2, 'serverTooOld'],
    ['client', 3, 4, 'clientTooOld'],
    ['agent', 3, Number.NaN, 'clientTooOld'],
  ] as const)('%s at v%d seeing v%d → %s', (role, local, remote, reason) => {
    expect(checkCompatibility({ role, protocolVersion: local }, remote)).toBe(reason);
  });

  it('gives both peers the same verdict', () => {
    for (const [agent, client] of [
      [1, 2],
      [2, 1],
      [5, 5],
    ] as const) {
      expect(checkCompatibility({ role: 'agent', protocolVersion: agent }, client)).toBe(
        checkCompatibility({ role: 'client', protocolVersion: client }, agent),
      );
    }
  });
});

describe('handshake messages', () => {
  it('parses both hellos and incompatible', () => {
    expect(
      ClientHello.parse({ type: 'hello', protocolVersion: PROTOCOL_VERSION, clientVersion: 'web 0.1.0' })
        .type,
    ).toBe('hello');
    expect(AgentHello.safeParse({ type: 'hello', protocolVersion: 1, agentVersion: '' }).success).toBe(false);
    const bad = Incompatible.safeParse({ type: 'incompatible', reason: 'tooOld', agentProtocolVersion: 1 });
    expect(bad.error?.issues[0]?.path).toEqual(['reason']);
  });
});
