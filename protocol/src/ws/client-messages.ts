/**
 * client → agent. Imperatives, discriminated on `type`. Handshake order: the first message is
 * `auth` (within a few seconds of the upgrade; the token travels in a message, never in the URL,
 * so it stays out of logs and history; nothing else is read before it) → `auth.accepted`; then the
 * client's `hello` → the agent's `hello` (with the environment) or `incompatible` and a close.
 * Then `subscribe` (answered by `subscribed`), `unsubscribe` (no answer: no event of those streams
 * follows it) and `resync` (the missed events again, or `stream.reset`).
 */
import { z } from 'zod';
import { ClientHello } from '../handshake.js';
import { MarketTicker } from '../ids.js';
import { AccountStream, Seq, StreamName } from './streams.js';

/** Optional correlation id; an `error` reply echoes it. */
const RequestId = z.string().min(1).max(64);
/** Bounds how much work one subscribe can ask for. */
const MAX_TICKERS_PER_MESSAGE = 500;

export const AuthMessage = z.object({
  type: z.literal('auth'),
  token: z.string().min(16).max(512),
  requestId: RequestId.optional(),
});
export type AuthMessage = z.infer<typeof AuthMessage>;

const StreamSelection = {
  streams: z.array(AccountStream).max(AccountStream.options.length),
  /** Each ticker selects the stream `market:<ticker>`. */
  tickers: z.array(MarketTicker).max(MAX_TICKERS_PER_MESSAGE),
  requestId: RequestId.optional(),
};

export const SubscribeMessage = z.object({ type: z.literal('subscribe'), ...StreamSelection });
export type SubscribeMessage = z.infer<typeof SubscribeMessage>;
export const UnsubscribeMessage = z.object({ type: z.literal('unsubscribe'), ...StreamSelection });
export type UnsubscribeMessage = z.infer<typeof UnsubscribeMessage>;

/** Replay `stream` from `fromSeq` (the first seq the client is missing). */
export const ResyncMessage = z.object({
  type: z.literal('resync'),
  stream: StreamName,
  fromSeq: Seq,
  requestId: RequestId.optional(),
});
export type ResyncMessage = z.infer<typeof ResyncMessage>;

export const ClientMessage = z.discriminatedUnion('type', [
  ClientHello,
  AuthMessage,
  SubscribeMessage,
  UnsubscribeMessage,
  ResyncMessage,
]);
export type ClientMessage = z.infer<typeof ClientMessage>;
