import { z } from 'zod';
import { TradingEnvironment } from '../domain/environment.js';
import { HealthDetail } from '../domain/health.js';
import { TradingState } from '../domain/trading-state.js';
import { TimestampMs } from '../timestamp.js';
import { AgentStatus } from './health.js';

/** `GET /v1/status` (auth): environment, trading state, venue and data health. */
export const STATUS_PATH = '/v1/status';
/** `GET` the current environment and what switching needs; `POST` to switch. */
export const ENVIRONMENT_PATH = '/v1/environment';

/** The phrase a trader types to go live, exactly (case-sensitive, surrounding spaces trimmed). */
export const LIVE_ACK_PHRASE = 'I understand this trades real money';
/** Bumped whenever the liability text changes; the ledger records which version was accepted. */
export const LIABILITY_TEXT_VERSION = 1;
export const LIABILITY_TEXT =
  'Live mode sends real orders to Kalshi with real money. Orders may fill at once and cannot be ' +
  'undone; strategies, sentiment and models can be wrong; network and venue faults can leave ' +
  'orders in an unknown state. You alone are responsible for every order this agent places on ' +
  'your account and for any loss.';

export const StatusResponse = z.strictObject({
  status: AgentStatus,
  environment: TradingEnvironment,
  tradingState: TradingState,
  health: HealthDetail,
  agentVersion: z.string().min(1),
  protocolVersion: z.int().min(1),
});
export type StatusResponse = z.infer<typeof StatusResponse>;

export const LiveAcknowledgement = z.strictObject({
  phrase: z.string().max(200),
  liabilityTextVersion: z.int().min(1),
  acceptedLiability: z.literal(true, 'accept the liability text to go live'),
});
export type LiveAcknowledgement = z.infer<typeof LiveAcknowledgement>;

export const SwitchEnvironmentRequest = z.strictObject({
  environment: TradingEnvironment,
  /** Required to switch to `live`; ignored otherwise. */
  acknowledgement: LiveAcknowledgement.optional(),
});
export type SwitchEnvironmentRequest = z.infer<typeof SwitchEnvironmentRequest>;

/** Why a switch to an environment would be refused right now (empty: it would be accepted). */
export const SwitchBlocker = z.enum([
  'KEYS_MISSING',
  'KEYCHAIN_UNAVAILABLE',
  'ORDERS_RESTING',
  'POSITIONS_OPEN',
  'ACK_REQUIRED',
  'SWITCH_IN_PROGRESS',
]);
export type SwitchBlocker = z.infer<typeof SwitchBlocker>;

export const EnvironmentOverview = z.strictObject({
  environment: TradingEnvironment,
  sinceMs: TimestampMs,
  liveAck: z.strictObject({
    phrase: z.string(),
    liabilityText: z.string(),
    liabilityTextVersion: z.int().min(1),
  }),
  /** Per target environment, what stands in the way of switching now. */
  blockers: z.strictObject({
    sim: z.array(SwitchBlocker),
    demo: z.array(SwitchBlocker),
    live: z.array(SwitchBlocker),
  }),
});
export type EnvironmentOverview = z.infer<typeof EnvironmentOverview>;
