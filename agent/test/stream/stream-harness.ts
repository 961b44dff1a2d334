/**
 * A real agent HTTP server (createApp + startServer) with the stream server as its upgrade
 * handler, on loopback, and real `ws` clients. The verifier, revocations and guard are small
 * in-test implementations of the interfaces (the real ones belong to other modules; the
 * integrator's end-to-end test covers them together).
 */
import { pino } from 'pino';
import WebSocket from 'ws';
import type { ClientOptions } from 'ws';
import { DeviceId, PROTOCOL_VERSION, ServerMessage } from '@pt/protocol';
import type { TradingEnvironment } from '@pt/protocol';
import { createApp } from '../../src/api/app.js';
import type { GuardVerdict, RequestGuard } from '../../src/api/guard/types.js';
import { startServer } from '../../src/api/server.js';
import type { RunningServer } from '../../src/api/server.js';
import { StreamHub, createStreamServer } from '../../src/api/stream/index.js';
import type { StreamHubOptions, StreamServer, StreamServerDeps } from '../../src/api/stream/index.js';
import type { AuthenticatedDevice, DeviceRevocations, TokenVerifier } from '../../src/auth/types.js';

export const ORIGIN = 'http://127.0.0.1:5173';
export const TOKEN_A = 'a'.repeat(43);
export const TOKEN_B = 'b'.repeat(43);
export const DEVICE_A = DeviceId.parse('dev_aaaaaaaaaaaaaaaa');
export const DEVICE_B = DeviceId.parse('dev_bbbbbbbbbbbbbbbb');

/** Tokens → devices, revocable, like the real device store but in memory. */
export class TestDevices implements TokenVerifier, DeviceRevocations {
  private readonly byToken = new Map<string, AuthenticatedDevice>();
  private readonly listeners = new Set<(deviceId: DeviceId) => void>();

  add(token: string, device: AuthenticatedDevice): void {
    this.byToken.set(token, device);
  }
  verify(token: string): AuthenticatedDevice | null {
    return this.byToken.get(token) ?? null;
  }
  onRevoked(listener: (deviceId: DeviceId) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  revoke(deviceId: DeviceId): void {
    for (const [token, device] of this.byToken) if (device.deviceId === deviceId) this.byToken.delete(token);
    for (const listener of this.listeners) listener(deviceId);
  }
}

/** Host must be the loopback address with the server's port; Origin exactly ORIGIN. */
function testGuard(port: () => number): RequestGuard {
  return {
    middleware: async (_c, next) => next(),
    checkUpgrade({ host, origin }): GuardVerdict {
      if (host !== `127.0.0.1:${port()}` && host !== `localhost:${port()}`) {
        return { ok: false, status: 421, reason: 'host: not this agent' };
      }
      if (origin !== ORIGIN) return { ok: false, status: 403, reason: 'origin: not allowed' };
      return { ok: true };
    },
    canonicalOrigin: () => `http://127.0.0.1:${port()}`,
  };
}

export interface Harness {
  readonly server: RunningServer;
  readonly stream: StreamServer;
  readonly hub: StreamHub;
  readonly devices: TestDevices;
  readonly wsUrl: string;
  environment: TradingEnvironment;
  close(): Promise<void>;
}

export type HarnessOptions = Partial<Omit<StreamServerDeps, 'guard' | 'verifier' | 'revocations' | 'hub'>> & {
  hub?: StreamHubOptions;
};

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const logger = pino({ level: 'silent' });
  const devices = new TestDevices();
  devices.add(TOKEN_A, { deviceId: DEVICE_A, name: 'Laptop', origin: ORIGIN });
  devices.add(TOKEN_B, { deviceId: DEVICE_B, name: 'Desktop', origin: ORIGIN });
  const hub = new StreamHub(options.hub);
  let port = 0;
  const harness = { environment: 'sim' as TradingEnvironment };
  const stream = createStreamServer({
    agentVersion: '0.1.0-test',
    logger,
    ...options,
    guard: testGuard(() => port),
    verifier: devices,
    revocations: devices,
    hub,
    environment: () => harness.environment,
  });
  const app = createApp({
    logger,
    health: () => ({ status: 'ok', version: '0', protocolVersion: PROTOCOL_VERSION, environment: 'sim' }),
  });
  const server = await startServer(app, 0, { upgrade: stream });
  port = server.port;
  return Object.assign(harness, {
    server,
    stream,
    hub,
    devices,
    wsUrl: `ws://127.0.0.1:${server.port}/v1/stream`,
    close: () => server.close(500),
  });
}

export interface Closed {
  readonly code: number;
  readonly reason: string;
}

/** A real ws client with a queue of parsed server messages. */
export class TestClient {
  readonly messages: ServerMessage[] = [];
  readonly closed: Promise<Closed>;
  private waiters: (() => void)[] = [];

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      // Every frame the agent sends must be a protocol ServerMessage.
      this.messages.push(ServerMessage.parse(JSON.parse(data.toString())));
      this.wake();
    });
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
        this.wake();
      });
    });
    ws.on('error', () => undefined);
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The next message not yet taken (waits up to timeoutMs). */
  async next(timeoutMs = 2_000): Promise<ServerMessage> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length === 0) {
      if (this.ws.readyState === WebSocket.CLOSED) throw new Error('socket closed with no message waiting');
      if (Date.now() > deadline) throw new Error('no message in time');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    const message = this.messages.shift();
    if (message === undefined) throw new Error('unreachable');
    return message;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }
}

export async function openClient(url: string, options: ClientOptions = {}): Promise<TestClient> {
  const ws = new WebSocket(url, { origin: ORIGIN, ...options });
  const client = new TestClient(ws);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return client;
}

/** Authenticated and greeted: ready for subscribe. */
export async function readyClient(
  url: string,
  token = TOKEN_A,
  options: ClientOptions = {},
): Promise<TestClient> {
  const client = await openClient(url, options);
  client.send({ type: 'auth', token });
  const accepted = await client.next();
  if (accepted.type !== 'auth.accepted') throw new Error(`expected auth.accepted, got ${accepted.type}`);
  client.send({ type: 'hello', protocolVersion: PROTOCOL_VERSION, clientVersion: 'test' });
  const hello = await client.next();
  if (hello.type !== 'hello') throw new Error(`expected hello, got ${hello.type}`);
  return client;
}

/** The HTTP answer to an upgrade the agent refused. */
export function refusedUpgrade(
  url: string,
  options: ClientOptions = {},
): Promise<{ status: number; body: string; opened: boolean }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin: ORIGIN, ...options });
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, opened: false }));
    });
    ws.on('open', () => {
      ws.terminate();
      resolve({ status: 101, body: '', opened: true });
    });
    ws.on('error', (err) => reject(err));
  });
}

export function tradingStateEvent(reason: string): {
  type: 'trading_state.changed';
  stream: 'trading_state';
  tradingState: { mode: 'halted'; reason: string; changedBy: 'system'; sinceMs: number };
} {
  return {
    type: 'trading_state.changed',
    stream: 'trading_state',
    tradingState: { mode: 'halted', reason, changedBy: 'system', sinceMs: 1_700_000_000_000 },
  };
}

/** Polls `probe` until it returns true (for server-side state that settles after the client's close). */
export async function eventually(probe: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
