/** Refusals before any WebSocket exists: Host, Origin, path, token in URL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Harness } from './stream-harness.js';
import { TOKEN_A, readyClient, refusedUpgrade, startHarness } from './stream-harness.js';

describe('stream upgrade', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('refuses a foreign Origin with 403', async () => {
    const answer = await refusedUpgrade(h.wsUrl, { origin: 'https://evil.example' });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'FORBIDDEN' });
    expect(h.stream.connectionCount()).toBe(0);
  });

  it('refuses Origin: null and a missing Origin with 403', async () => {
    expect((await refusedUpgrade(h.wsUrl, { origin: 'null' })).status).toBe(403);
    const noOrigin = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(h.wsUrl);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => reject(new Error('opened without an Origin')));
      ws.on('error', reject);
    });
    expect(noOrigin).toBe(403);
  });

  it('refuses a rebound Host with 421', async () => {
    const answer = await refusedUpgrade(h.wsUrl, { headers: { Host: `evil.example:${h.server.port}` } });
    expect(answer.status).toBe(421);
  });

  it('refuses any other path with 404', async () => {
    const answer = await refusedUpgrade(`ws://127.0.0.1:${h.server.port}/v1/streams`);
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a token in the URL with 400, without opening a socket', async () => {
    for (const query of [`?token=${TOKEN_A}`, `?access_token=${TOKEN_A}`, '?x=1']) {
      const answer = await refusedUpgrade(`${h.wsUrl}${query}`);
      expect(answer.status).toBe(400);
      expect(answer.opened).toBe(false);
      expect(JSON.parse(answer.body)).toMatchObject({ code: 'BAD_REQUEST' });
    }
    expect(h.stream.connectionCount()).toBe(0);
  });

  it('accepts the allow-listed Origin and Host (localhost too)', async () => {
    const client = await readyClient(`ws://localhost:${h.server.port}/v1/stream`);
    expect(h.stream.connectionCount()).toBe(1);
    client.ws.close();
    await client.closed;
  });

  it('keeps serving plain HTTP next to the upgrade handler', async () => {
    const res = await fetch(`${h.server.url}/v1/health`);
    expect(res.status).toBe(200);
  });
});
