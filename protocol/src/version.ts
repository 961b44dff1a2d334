import { z } from 'zod';

/**
 * Version of the agent↔web wire contract. Additive changes keep it; a changed shape bumps it
 * (or gets a new message name), and the `hello` handshake refuses a mismatch.
 */
export const PROTOCOL_VERSION = 1;

/** Why a peer refused the handshake. */
export const IncompatibilityReason = {
  ClientTooOld: 'clientTooOld',
  ServerTooOld: 'serverTooOld',
  Forbidden: 'forbidden',
} as const;
export type IncompatibilityReason = (typeof IncompatibilityReason)[keyof typeof IncompatibilityReason];
export const IncompatibilityReasonSchema = z.enum(['clientTooOld', 'serverTooOld', 'forbidden']);
