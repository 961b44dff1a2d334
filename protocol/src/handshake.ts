/**
 * The `hello` handshake (tldraw's shape): both peers send their protocol version first; a mismatch
 * ends in one `incompatible` message and a close. Versions must match exactly, because a bump means
 * a changed shape that neither side can parse for the other.
 */
import { z } from 'zod';
import { TradingEnvironment } from './domain/environment.js';
import { IncompatibilityReason, IncompatibilityReasonSchema } from './version.js';

export const ProtocolVersionSchema = z.int().min(1);

/** client → agent: the first message on a connection. */
export const ClientHello = z.object({
  type: z.literal('hello'),
  protocolVersion: ProtocolVersionSchema,
  clientVersion: z.string().min(1).max(64),
});
export type ClientHello = z.infer<typeof ClientHello>;

/** agent → client: the agent's answer when the versions match. */
export const AgentHello = z.object({
  type: z.literal('hello'),
  protocolVersion: ProtocolVersionSchema,
  agentVersion: z.string().min(1).max(64),
  /** The trading environment now (sim / demo / live); a switch closes every socket. */
  environment: TradingEnvironment,
  /**
   * Names the agent's current numbering of stream seqs. It changes when the agent restarts or the
   * environment switches; a client seeing a different epoch drops its stream state and resubscribes
   * instead of resyncing from a seq of another numbering.
   */
  streamEpoch: z.string().min(1).max(64),
});
export type AgentHello = z.infer<typeof AgentHello>;

/** agent → client: sent instead of `hello`, then the agent closes the socket. */
export const Incompatible = z.object({
  type: z.literal('incompatible'),
  reason: IncompatibilityReasonSchema,
  agentProtocolVersion: ProtocolVersionSchema,
});
export type Incompatible = z.infer<typeof Incompatible>;

export type PeerRole = 'agent' | 'client';

/**
 * Why `local` cannot talk to a peer speaking `remoteProtocolVersion`, or null when it can. The
 * reason names the older side, so the same answer comes out whichever peer asks.
 */
export function checkCompatibility(
  local: { readonly role: PeerRole; readonly protocolVersion: number },
  remoteProtocolVersion: number,
): IncompatibilityReason | null {
  if (local.protocolVersion === remoteProtocolVersion) return null;
  const agentVersion = local.role === 'agent' ? local.protocolVersion : remoteProtocolVersion;
  const clientVersion = local.role === 'agent' ? remoteProtocolVersion : local.protocolVersion;
  // NaN or a non-integer from a broken peer compares false both ways; call the client too old so
  // the user is told to reload the page, the one remedy they have.
  return clientVersion > agentVersion
    ? IncompatibilityReason.ServerTooOld
    : IncompatibilityReason.ClientTooOld;
}
