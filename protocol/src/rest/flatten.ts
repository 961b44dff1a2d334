import { z } from 'zod';
import { MarketTicker } from '../ids.js';
import { CountE2Schema, SignedCountE2Schema } from '../money-schemas.js';
import { TimestampMs } from '../timestamp.js';

/**
 * Flatten All: `POST /v1/flatten` halts trading (persistent), cancels every resting order, then
 * closes every venue position with reduce-only IOC orders walking the book within a maximum
 * slippage, until flat or a deadline. It answers the run's final report; a press while a run is
 * going joins it (same `flattenId`). `GET /v1/flatten` is the latest run's report (404 before the
 * first). Progress streams on `flatten` (`flatten.progressed`, the report so far).
 */
export const FLATTEN_PATH = '/v1/flatten';

/** Default farthest a flatten order may sit from the best price when it was planned: $0.05. */
export const DEFAULT_FLATTEN_SLIPPAGE_E4 = 500;
/** Default time the run may work positions before it reports what is left: 20 s. */
export const DEFAULT_FLATTEN_DEADLINE_MS = 20_000;

export const FlattenRequest = z.strictObject({
  /** Farthest from the best bid (selling YES) or ask (buying YES) an order may price, in 1/10,000 $. */
  maxSlippageE4: z.int().min(0).max(9_999).optional(),
  /** How long the run may work positions (after cancelling) before reporting residuals. */
  deadlineMs: z.int().min(1).max(120_000).optional(),
});
export type FlattenRequest = z.infer<typeof FlattenRequest>;

/** Why a market is not flat at the end of a run. */
export const FlattenResidualReason = z.enum([
  'no_liquidity',
  'market_paused',
  'market_closed',
  'deadline',
  'venue_error',
  'outcome_unknown',
]);
export type FlattenResidualReason = z.infer<typeof FlattenResidualReason>;

/** `working` only while the run goes; a finished run has every market flattened or residual. */
export const FlattenMarketStatus = z.enum(['working', 'flattened', 'residual']);
export type FlattenMarketStatus = z.infer<typeof FlattenMarketStatus>;

export const FlattenMarketResult = z
  .strictObject({
    ticker: MarketTicker,
    /** Venue position when the run read it (positive YES, negative NO contracts). */
    positionBeforeE2: SignedCountE2Schema,
    /** Venue position at the last read. */
    positionAfterE2: SignedCountE2Schema,
    status: FlattenMarketStatus,
    /** Set exactly when `status` is `residual`. */
    reason: FlattenResidualReason.nullable(),
    /** One sentence: the venue's answer, the book, the deadline. */
    detail: z.string().nullable(),
    /** Orders the run sent on this market (each reduce-only IOC), whatever their answer. */
    ordersSent: z.int().min(0),
    /** Contracts those orders filled, as acknowledged. */
    filledCountE2: CountE2Schema,
  })
  .superRefine((result, ctx) => {
    if ((result.status === 'residual') !== (result.reason !== null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'reason is required for a residual market and null otherwise',
      });
    }
  });
export type FlattenMarketResult = z.infer<typeof FlattenMarketResult>;

export const FlattenCancelResult = z.strictObject({
  /** Cancels the venue confirmed. */
  canceled: z.int().min(0),
  /** Cancels whose answer was lost (the verification listing tells whether they went). */
  unknown: z.int().min(0),
  /** Resting orders the last verification listing still showed (-1: it could not list). */
  survivors: z.int().min(-1),
  /** The venue listed no resting order after the cancels. */
  isVerified: z.boolean(),
});
export type FlattenCancelResult = z.infer<typeof FlattenCancelResult>;

export const FlattenRunStatus = z.enum(['running', 'finished']);
export type FlattenRunStatus = z.infer<typeof FlattenRunStatus>;

export const FlattenReport = z.strictObject({
  flattenId: z.uuid(),
  status: FlattenRunStatus,
  startedAtMs: TimestampMs,
  finishedAtMs: TimestampMs.nullable(),
  maxSlippageE4: z.int().min(0).max(9_999),
  deadlineMs: z.int().min(1),
  /** The persistent halt was recorded in the ledger (it holds in-process even when not). */
  isHaltPersisted: z.boolean(),
  /** Null until the cancel step ends. */
  cancel: FlattenCancelResult.nullable(),
  /** Markets with a non-zero venue position at the first read (null: not read yet / unreadable). */
  positionsBefore: z.int().min(0).nullable(),
  /** Markets still not flat at the last read. */
  positionsAfter: z.int().min(0).nullable(),
  markets: z.array(FlattenMarketResult),
  /** Why the run could not do its work at all (no venue, positions unreadable), else null. */
  failure: z.string().nullable(),
});
export type FlattenReport = z.infer<typeof FlattenReport>;
