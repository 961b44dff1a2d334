/**
 * The messages tabs exchange over the BroadcastChannel when no SharedWorker exists (the Web Locks
 * fallback): followers ask the leader to attach them, to follow markets and to let them go; the
 * leader announces itself, says when it leaves, and forwards each follower's reports to it by id.
 *
 * Every message is checked here on arrival (kind, ids, start options). A report's payload is not
 * parsed again: the leader's worker parsed it from the agent's frame with the protocol schemas, and
 * only same-origin pages can post on the channel.
 */
import { z } from 'zod';
import { AccountStream } from '@pt/protocol';
import type { AgentHello, ErrorBody, OrderBook, ServerEvent, StreamName } from '@pt/protocol';
import type { ConnectionStatus, StreamStartOptions } from './stream-types.js';

/** The channel every tab of the origin joins (also the name of the lock the leader holds). */
export const RELAY_CHANNEL = 'pt-agent-relay';
export const LEADER_LOCK = 'pt-agent-connection';

/** What the app needs of a BroadcastChannel (the real one in browsers and in Node 20). */
export interface RelayChannel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

const TabId = z.string().min(1).max(64);
const Tickers = z.array(z.string().min(1).max(128)).max(500);

const StartOptions = z.object({
  url: z.string().regex(/^wss?:\/\//, 'a ws:// or wss:// URL'),
  token: z.string().min(1),
  streams: z.array(AccountStream),
  clientVersion: z.string().min(1),
}) satisfies z.ZodType<StreamStartOptions>;

/** Reports the leader forwards to one follower (payloads as the leader's worker parsed them). */
export type RelayReport =
  | { readonly type: 'status'; readonly status: ConnectionStatus }
  | { readonly type: 'hello'; readonly hello: AgentHello }
  | { readonly type: 'event'; readonly event: ServerEvent }
  | { readonly type: 'book'; readonly book: OrderBook }
  | { readonly type: 'reload'; readonly stream: StreamName }
  | { readonly type: 'agentError'; readonly error: ErrorBody }
  | { readonly type: 'notifier'; readonly isNotifier: boolean };

const REPORT_TYPES = ['status', 'hello', 'event', 'book', 'reload', 'agentError', 'notifier'] as const;

export const RelayMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('attach'), from: TabId, options: StartOptions, tickers: Tickers }),
  z.object({ kind: z.literal('tickers'), from: TabId, tickers: Tickers }),
  z.object({ kind: z.literal('detach'), from: TabId }),
  /** A leader took over (`welcomed` absent: every follower attaches again) or attached `welcomed`. */
  z.object({ kind: z.literal('leader'), leaderId: TabId, welcomed: TabId.optional() }),
  z.object({ kind: z.literal('leader-gone'), leaderId: TabId }),
  z.object({
    kind: z.literal('report'),
    to: TabId,
    report: z.looseObject({ type: z.enum(REPORT_TYPES) }).transform((report) => report as RelayReport),
  }),
]);
export type RelayMessage = z.infer<typeof RelayMessage>;

/** The message, or null (with the reason logged) when it is not one of ours. */
export function parseRelayMessage(data: unknown): RelayMessage | null {
  const parsed = RelayMessage.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  console.warn(`relay: ignored a message (${issue?.path.join('.') || '(root)'}: ${issue?.message})`);
  return null;
}
