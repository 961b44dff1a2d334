import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { pino } from 'pino';
import { z } from 'zod';
import { ErrorBody } from '@pt/protocol';
import { createApp } from '../app.js';
import { parseJsonBody } from './json-body.js';

const Pair = z.strictObject({ code: z.string().length(8), deviceName: z.string().min(1) });

// No guard here: parseJsonBody must stand on its own, errors rendered by the real app onError.
function app(): Hono {
  const routes = new Hono().post('/v1/pair', async (c) => c.json(await parseJsonBody(c, Pair)));
  return createApp({
    logger: pino({ level: 'silent' }),
    health: () => ({ status: 'ok', version: '0.0.0', protocolVersion: 1, environment: 'sim' }),
    publicRoutes: [routes],
  });
}

async function post(
  body: string,
  contentType = 'application/json',
): Promise<{ status: number; body: unknown }> {
  const res = await app().request('/v1/pair', {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  return { status: res.status, body: await res.json() };
}

describe('parseJsonBody', () => {
  it('returns the parsed value', async () => {
    const ok = await post(JSON.stringify({ code: 'ABCDEFGH', deviceName: 'laptop' }));
    expect(ok).toEqual({ status: 200, body: { code: 'ABCDEFGH', deviceName: 'laptop' } });
  });

  it('answers malformed JSON with 400 BAD_REQUEST naming (root)', async () => {
    const bad = await post('{"code": "ABC');
    expect(bad.status).toBe(400);
    expect(ErrorBody.parse(bad.body)).toMatchObject({
      code: 'BAD_REQUEST',
      message: '(root): malformed JSON body',
      details: { field: '(root)' },
    });
  });

  it('answers a schema failure with 422 VALIDATION_FAILED naming the field', async () => {
    const bad = await post(JSON.stringify({ code: 'ABC', deviceName: 'laptop' }));
    expect(bad.status).toBe(422);
    const error = ErrorBody.parse(bad.body);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'code' } });
    expect(error.message.startsWith('code:')).toBe(true);
    const root = await post('[]');
    expect(ErrorBody.parse(root.body)).toMatchObject({ details: { field: '(root)' } });
  });

  it('refuses a non-JSON content type itself, even without the guard', async () => {
    const bad = await post(JSON.stringify({ code: 'ABCDEFGH', deviceName: 'x' }), 'text/plain');
    expect(bad.status).toBe(415);
    expect(ErrorBody.parse(bad.body)).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });
});
