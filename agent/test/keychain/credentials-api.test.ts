import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CredentialsOverview, StoredCredentials } from '@pt/protocol';
import {
  childEnv,
  deadBusEnv,
  leakedMarkers,
  makeTestKey,
  readTree,
  REPO_ROOT,
  requireKeychain,
  tempDir,
} from './keyring-env.js';

const SERVER = join(REPO_ROOT, 'agent', 'test', 'keychain', 'fixtures', 'credentials-server.ts');

interface Served {
  url: string;
  stop(): Promise<void>;
}
const running: Served[] = [];

async function serve(dataDir: string, env: Record<string, string>): Promise<Served> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER, dataDir], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const line = await new Promise<string>((done, fail) => {
    createInterface({ input: child.stdout }).once('line', done);
    child.once('exit', (code) => fail(new Error(`credentials server exited (${code}) before ready`)));
  });
  const { url } = JSON.parse(line) as { url: string };
  const served = {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
  running.push(served);
  return served;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((served) => served.stop()));
});
beforeEach(requireKeychain);

const AUTH = { authorization: 'Bearer test-token' };
const JSON_AUTH = { ...AUTH, 'content-type': 'application/json' };

describe('/v1/credentials over loopback HTTP (real keychain)', () => {
  it('PUT stores, GET lists, DELETE removes; no response, log or data-dir file holds the key', async () => {
    const dataDir = tempDir();
    const { url } = await serve(dataDir, childEnv());
    const key = makeTestKey();
    const texts: string[] = [];
    const call = async (path: string, init: RequestInit): Promise<{ status: number; body: unknown }> => {
      const response = await fetch(`${url}${path}`, init);
      const text = await response.text();
      texts.push(text);
      return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
    };

    const empty = await call('/v1/credentials', { headers: AUTH });
    expect(empty.status).toBe(200);
    expect(CredentialsOverview.parse(empty.body)).toEqual({
      keychain: { available: true, detail: expect.stringContaining('Secret Service') as unknown },
      credentials: [],
    });

    const put = await call('/v1/credentials', {
      method: 'PUT',
      headers: JSON_AUTH,
      body: JSON.stringify({ environment: 'demo', keyId: key.keyId, privateKeyPem: key.pem }),
    });
    expect(put.status).toBe(200);
    const stored = StoredCredentials.parse(put.body);
    expect(stored.keyId).toBe(key.keyId);

    const listed = await call('/v1/credentials', { headers: AUTH });
    expect(CredentialsOverview.parse(listed.body).credentials).toEqual([stored]);

    expect((await call('/v1/credentials/demo', { method: 'DELETE', headers: AUTH })).status).toBe(204);
    const gone = await call('/v1/credentials/demo', { method: 'DELETE', headers: AUTH });
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ code: 'NOT_FOUND', details: { field: 'environment' } });

    expect(leakedMarkers(key, texts.join('\n'))).toEqual([]);
    const files = readTree(dataDir);
    expect(files.some(({ file }) => file.endsWith('agent.log'))).toBe(true);
    expect(files.filter(({ text }) => leakedMarkers(key, text).length > 0)).toEqual([]);
  });

  it('rejects bad input with 422 naming the field, never echoing the PEM, storing nothing', async () => {
    const dataDir = tempDir();
    const { url } = await serve(dataDir, childEnv());
    const key = makeTestKey();
    const put = (body: unknown) =>
      fetch(`${url}/v1/credentials`, { method: 'PUT', headers: JSON_AUTH, body: JSON.stringify(body) });
    const encrypted = key.privateKey
      .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' })
      .toString();
    const cases: [unknown, string][] = [
      [{ environment: 'demo', keyId: key.keyId, privateKeyPem: key.pem.slice(0, 600) }, 'privateKeyPem'],
      [{ environment: 'demo', keyId: key.keyId, privateKeyPem: encrypted }, 'privateKeyPem'],
      [{ environment: 'demo', keyId: key.keyId, privateKeyPem: key.publicKeyPem }, 'privateKeyPem'],
      [{ environment: 'demo', keyId: 'key-1', privateKeyPem: key.pem }, 'keyId'],
      [{ environment: 'sim', keyId: key.keyId, privateKeyPem: key.pem }, 'environment'],
      [{ environment: 'demo', keyId: key.keyId, privateKeyPem: key.pem, extra: 1 }, '(root)'],
    ];
    for (const [body, field] of cases) {
      const response = await put(body);
      const text = await response.text();
      expect(response.status, text).toBe(422);
      expect(JSON.parse(text)).toMatchObject({ code: 'VALIDATION_FAILED', details: { field } });
      expect(leakedMarkers(key, text)).toEqual([]);
    }
    const badEnv = await fetch(`${url}/v1/credentials/sim`, { method: 'DELETE', headers: AUTH });
    expect(badEnv.status).toBe(422);
    const overview = CredentialsOverview.parse(
      await (await fetch(`${url}/v1/credentials`, { headers: AUTH })).json(),
    );
    expect(overview.credentials).toEqual([]);
    expect(readTree(dataDir).filter(({ text }) => leakedMarkers(key, text).length > 0)).toEqual([]);
  });

  it('without a keychain: GET says so with the fix, PUT is 503 KEYCHAIN_UNAVAILABLE and stores nothing', async () => {
    const dataDir = tempDir();
    const { url } = await serve(dataDir, deadBusEnv());
    const key = makeTestKey();
    const overview = CredentialsOverview.parse(
      await (await fetch(`${url}/v1/credentials`, { headers: AUTH })).json(),
    );
    expect(overview.keychain.available).toBe(false);
    expect(overview.keychain.detail).toContain('gnome-keyring-daemon');
    const response = await fetch(`${url}/v1/credentials`, {
      method: 'PUT',
      headers: JSON_AUTH,
      body: JSON.stringify({ environment: 'live', keyId: key.keyId, privateKeyPem: key.pem }),
    });
    const text = await response.text();
    expect(response.status).toBe(503);
    expect(JSON.parse(text)).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', retryable: true });
    expect(leakedMarkers(key, text)).toEqual([]);
    expect(readTree(dataDir).filter(({ text: content }) => leakedMarkers(key, content).length > 0)).toEqual(
      [],
    );
  });
});
