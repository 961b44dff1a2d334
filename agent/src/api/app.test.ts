import { Writable } from 'node:stream';
import { describe, it, expect } from 'vitest';
import { pino } from 'pino';
import { ErrorBody, HEALTH_PATH, HealthResponse } from '@pt/protocol';
import { AgentError } from '../lib/errors.js';
import { createApp } from './app.js';

function appWithLogCapture(): { app: ReturnType<typeof createApp>; logged: string[] } {
  const logged: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged.push(chunk.toString());
      done();
    },
  });
  const app = createApp({
    logger: pino({ level: 'info' }, sink),
    health: () => ({ status: 'ok', version: '9.9.9', protocolVersion: 1, environment: 'sim' }),
  });
  app.get('/boom/agent', () => {
    throw new AgentError('VENUE_UNAVAILABLE', 'Kalshi is down', { retryable: true }, { venue: 'demo' });
  });
  app.get('/boom/conflict', () => {
    throw new AgentError('CONFLICT', 'Already exists');
  });
  app.get('/boom/bug', () => {
    throw new Error('secret internal detail');
  });
  return { app, logged };
}

describe('createApp', () => {
  it('answers health without auth, in the protocol shape', async () => {
    const { app } = appWithLogCapture();
    const res = await app.request(HEALTH_PATH);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(HealthResponse.parse(await res.json())).toEqual({
      status: 'ok',
      version: '9.9.9',
      protocolVersion: 1,
      environment: 'sim',
    });
  });

  it('answers an unknown route with a NOT_FOUND error body', async () => {
    const { app } = appWithLogCapture();
    const res = await app.request('/v1/nope', { method: 'POST' });
    expect(res.status).toBe(404);
    expect(ErrorBody.parse(await res.json())).toMatchObject({ code: 'NOT_FOUND', retryable: false });
  });

  it('turns an AgentError into its body and mapped status', async () => {
    const { app, logged } = appWithLogCapture();
    const res = await app.request('/boom/agent');
    expect(res.status).toBe(503);
    expect(ErrorBody.parse(await res.json())).toEqual({
      code: 'VENUE_UNAVAILABLE',
      message: 'Kalshi is down',
      details: { venue: 'demo' },
      retryable: true,
    });
    expect(logged.join('')).toContain('request failed');
    const conflict = await app.request('/boom/conflict');
    expect(conflict.status).toBe(409);
  });

  it('hides anything else behind a 500 INTERNAL body, and logs it', async () => {
    const { app, logged } = appWithLogCapture();
    const res = await app.request('/boom/bug');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('secret internal detail');
    expect(JSON.parse(text)).toEqual({ code: 'INTERNAL', message: 'Internal error', retryable: false });
    expect(logged.join('')).toContain('secret internal detail');
  });
});
