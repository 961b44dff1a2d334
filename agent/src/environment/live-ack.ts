/**
 * The live acknowledgement: checked against the phrase and the current liability text version,
 * then recorded in the LIVE database's ledger before live trading starts, so there is a durable
 * answer to "who agreed to trade real money, when, to which text".
 */
import { z } from 'zod';
import {
  LIABILITY_TEXT_VERSION,
  LIVE_ACK_PHRASE,
  TimestampMs,
  TradingEnvironment,
  type LiveAcknowledgement,
} from '@pt/protocol';
import type { AuthenticatedDevice } from '../auth/types.js';
import { AgentError } from '../lib/errors.js';
import type { LedgerAppendOutcome, LedgerEvent, LedgerEventInput } from '../store/index.js';

export const LIVE_ACK_SOURCE = 'agent';
export const LIVE_ACK_KIND = 'live.acknowledged';

export const LiveAckRecord = z.strictObject({
  acknowledgedAtMs: TimestampMs,
  deviceId: z.string().min(1),
  deviceName: z.string().min(1),
  /** As typed, trimmed: equal to LIVE_ACK_PHRASE. */
  phrase: z.string(),
  liabilityTextVersion: z.int().min(1),
  /** The environment the agent was in when the trader asked to go live. */
  fromEnvironment: TradingEnvironment,
});
export type LiveAckRecord = z.infer<typeof LiveAckRecord>;

export interface AckLedger {
  append(events: readonly LedgerEventInput[]): Promise<LedgerAppendOutcome[]>;
  readByKind(kind: string, query?: { afterId?: number; limit?: number }): LedgerEvent[];
}

function invalid(field: string, message: string): AgentError {
  return new AgentError(
    'VALIDATION_FAILED',
    `${field}: ${message}`,
    {},
    {
      field,
      issues: [{ field, message }],
    },
  );
}

/** Phrase (trimmed, case-sensitive) and text version; `acceptedLiability` is checked by the schema. */
export function checkLiveAcknowledgement(ack: LiveAcknowledgement): void {
  if (ack.phrase.trim() !== LIVE_ACK_PHRASE)
    throw invalid('acknowledgement.phrase', `type exactly "${LIVE_ACK_PHRASE}"`);
  if (ack.liabilityTextVersion !== LIABILITY_TEXT_VERSION)
    throw invalid(
      'acknowledgement.liabilityTextVersion',
      `the liability text changed (now version ${LIABILITY_TEXT_VERSION}); read it again and accept it`,
    );
  if (!ack.acceptedLiability) throw invalid('acknowledgement.acceptedLiability', 'accept the liability text');
}

/**
 * Appends the acknowledgement; its id is derived from its content, so a replay stores it once.
 * Resolves only once committed (the write queue acknowledges after COMMIT).
 */
export async function recordLiveAcknowledgement(
  ledger: AckLedger,
  ack: LiveAcknowledgement,
  device: AuthenticatedDevice,
  context: { nowMs: number; fromEnvironment: TradingEnvironment },
): Promise<LiveAckRecord> {
  const record = LiveAckRecord.parse({
    acknowledgedAtMs: context.nowMs,
    deviceId: device.deviceId,
    deviceName: device.name,
    phrase: ack.phrase.trim(),
    liabilityTextVersion: ack.liabilityTextVersion,
    fromEnvironment: context.fromEnvironment,
  });
  await ledger.append([
    {
      source: LIVE_ACK_SOURCE,
      sourceEventId: `live-ack:v${record.liabilityTextVersion}:${record.deviceId}:${record.acknowledgedAtMs}`,
      kind: LIVE_ACK_KIND,
      payload: record,
      venueTsMs: null,
    },
  ]);
  return record;
}

const PAGE_ROWS = 1_000;

/** The newest acknowledgement of the CURRENT liability text in this ledger, if any. */
export function latestLiveAcknowledgement(ledger: AckLedger): LiveAckRecord | undefined {
  let latest: LiveAckRecord | undefined;
  let afterId = 0;
  for (;;) {
    const page = ledger.readByKind(LIVE_ACK_KIND, { afterId, limit: PAGE_ROWS });
    for (const row of page) {
      if (row.source !== LIVE_ACK_SOURCE) continue;
      // A row that does not parse is not an acknowledgement: fail closed.
      const parsed = LiveAckRecord.safeParse(row.payload);
      if (parsed.success && parsed.data.liabilityTextVersion === LIABILITY_TEXT_VERSION) latest = parsed.data;
    }
    const last = page.at(-1);
    if (last === undefined || page.length < PAGE_ROWS) return latest;
    afterId = last.id;
  }
}
