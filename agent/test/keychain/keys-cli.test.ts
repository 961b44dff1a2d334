import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openKeychainCredentialsStore, publicKeyFingerprint } from '../../src/keychain/index.js';
import {
  childEnv,
  deadBusEnv,
  leakedMarkers,
  makeTestKey,
  readTree,
  requireKeychain,
  runKeysCli,
  tempDir,
} from './keyring-env.js';

beforeEach(requireKeychain);

function pemFile(pem: string): string {
  const file = join(tempDir('pt-pem-'), 'kalshi.pem');
  writeFileSync(file, pem, { mode: 0o600 });
  return file;
}

describe('pt-agent keys (real child processes, real keychain)', () => {
  it('imports from a file, lists, deletes; prints id and fingerprint, never the key', async () => {
    const dataDir = tempDir();
    const key = makeTestKey();
    const file = pemFile(key.pem);
    const env = childEnv();
    const fingerprint = publicKeyFingerprint(key.privateKey);

    const imported = await runKeysCli(
      ['import', '--env', 'demo', '--key-id', key.keyId, '--pem', file, '--data-dir', dataDir],
      { env },
    );
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(key.keyId);
    expect(imported.stdout).toContain(fingerprint);
    expect(imported.stdout).toContain(`you can now delete it`);
    expect(imported.stdout).toContain(file);

    const listed = await runKeysCli(['list', '--data-dir', dataDir], { env });
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(
      new RegExp(`^demo .*${key.keyId}.*${fingerprint.replace(/[+/]/g, '\\$&')}`, 'm'),
    );
    expect(listed.stdout).not.toMatch(/^live /m);

    const loaded = await openKeychainCredentialsStore(dataDir).load('demo');
    expect(loaded?.privateKey.equals(key.privateKey)).toBe(true);

    const deleted = await runKeysCli(['delete', '--env', 'demo', '--data-dir', dataDir], { env });
    expect(deleted.code, deleted.stderr).toBe(0);
    const again = await runKeysCli(['delete', '--env', 'demo', '--data-dir', dataDir], { env });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('no demo key');
    const empty = await runKeysCli(['list', '--data-dir', dataDir], { env });
    expect(empty.stdout).toContain('no Kalshi keys stored');

    const output = [imported, listed, deleted, again, empty].map((r) => r.stdout + r.stderr).join('\n');
    expect(leakedMarkers(key, output)).toEqual([]);
    expect(readTree(dataDir).filter(({ text }) => leakedMarkers(key, text).length > 0)).toEqual([]);
  });

  it('imports from stdin with --pem -', async () => {
    const dataDir = tempDir();
    const key = makeTestKey();
    const result = await runKeysCli(
      ['import', '--env', 'live', '--key-id', key.keyId, '--pem', '-', '--data-dir', dataDir],
      { env: childEnv(), stdin: key.pem },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(key.keyId);
    expect(result.stdout).not.toContain('delete');
    const store = openKeychainCredentialsStore(dataDir);
    expect((await store.load('live'))?.keyId).toBe(key.keyId);
    await store.delete('live');
  });

  it('exits 2 naming the flag for a missing or bad --env, --key-id or --pem, and stores nothing', async () => {
    const dataDir = tempDir();
    const key = makeTestKey();
    const file = pemFile(key.pem);
    const ec = pemFile('-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIGh0ZXN0\n-----END EC PRIVATE KEY-----\n');
    const base = ['import', '--data-dir', dataDir];
    const cases: [string[], RegExp][] = [
      [[...base, '--key-id', key.keyId, '--pem', file], /--env/],
      [[...base, '--env', 'sim', '--key-id', key.keyId, '--pem', file], /--env: expected demo or live/],
      [[...base, '--env', 'demo', '--pem', file], /--key-id/],
      [[...base, '--env', 'demo', '--key-id', 'nope', '--pem', file], /--key-id: .*GUID/],
      [[...base, '--env', 'demo', '--key-id', key.keyId], /--pem/],
      [
        [...base, '--env', 'demo', '--key-id', key.keyId, '--pem', join(dataDir, 'missing.pem')],
        /--pem: cannot read .*ENOENT/,
      ],
      [[...base, '--env', 'demo', '--key-id', key.keyId, '--pem', ec], /--pem: expected an RSA private key/],
      [['delete', '--data-dir', dataDir], /--env/],
    ];
    const results = await Promise.all(cases.map(([args]) => runKeysCli(args, { env: childEnv() })));
    cases.forEach(([args, message], index) => {
      const result = results[index];
      expect(result?.code, `${args.join(' ')}: ${result?.stderr}`).toBe(2);
      expect(result?.stderr).toMatch(message);
      expect(leakedMarkers(key, `${result?.stdout}${result?.stderr}`)).toEqual([]);
    });
    const store = openKeychainCredentialsStore(dataDir);
    expect(await store.load('demo')).toBeNull();
  });

  it('without a keychain: exits 1 with how to enable one, and nothing is stored anywhere', async () => {
    const dataDir = tempDir();
    const key = makeTestKey();
    const file = pemFile(key.pem);
    const noBusAtAll = childEnv();
    delete noBusAtAll['DBUS_SESSION_BUS_ADDRESS'];
    for (const env of [deadBusEnv(), noBusAtAll]) {
      const imported = await runKeysCli(
        ['import', '--env', 'demo', '--key-id', key.keyId, '--pem', file, '--data-dir', dataDir],
        { env },
      );
      expect(imported.code).toBe(1);
      expect(imported.stderr).toMatch(/OS keychain unavailable: no D-Bus session bus/);
      expect(imported.stderr).toContain('gnome-keyring-daemon --unlock');
      expect(imported.stdout).toBe('');
      const listed = await runKeysCli(['list', '--data-dir', dataDir], { env });
      expect(listed.code).toBe(1);
      expect(listed.stderr).toContain('OS keychain unavailable');
      expect(leakedMarkers(key, imported.stderr + listed.stderr)).toEqual([]);
    }
    expect(readTree(dataDir)).toEqual([]);
    expect(await openKeychainCredentialsStore(dataDir).load('demo')).toBeNull();
  });
});
