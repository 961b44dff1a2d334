/** Response schemas for exchange status/schedule and the account's rate-limit tier and costs. */
import { z } from 'zod';
import type { VenueAccountLimits, VenueEndpointCosts, VenueExchangeStatus } from './types.js';
import * as w from './wire.js';

export const ExchangeStatusResponse = z
  .looseObject({
    exchange_active: z.boolean(),
    trading_active: z.boolean(),
    exchange_estimated_resume_time: w.isoTimeMs.nullable().optional(),
    intra_exchange_transfers_active: w.ignored,
    exchange_index_statuses: w.ignored,
  })
  .transform((s): VenueExchangeStatus => ({
    isExchangeActive: s.exchange_active,
    isTradingActive: s.trading_active,
    estimatedResumeAtMs: s.exchange_estimated_resume_time ?? undefined,
  }));

export const ExchangeScheduleResponse = z
  .looseObject({
    schedule: z.looseObject({
      standard_hours: z.array(z.unknown()),
      maintenance_windows: z.array(z.looseObject({ start_datetime: w.isoTimeMs, end_datetime: w.isoTimeMs })),
    }),
  })
  .transform((r) => ({
    standardHours: r.schedule.standard_hours,
    maintenanceWindows: r.schedule.maintenance_windows.map((m) => ({
      startMs: m.start_datetime,
      endMs: m.end_datetime,
    })),
  }));

const Bucket = z
  .looseObject({ refill_rate: z.number().positive(), bucket_capacity: z.number().positive() })
  .transform((b) => ({ refillPerSecond: b.refill_rate, capacity: b.bucket_capacity }));
export const AccountLimitsResponse = z
  .looseObject({ usage_tier: z.string(), read: Bucket, write: Bucket, grants: w.ignored })
  .transform((l): VenueAccountLimits => ({ usageTier: l.usage_tier, read: l.read, write: l.write }));

export const EndpointCostsResponse = z
  .looseObject({
    default_cost: z.int().positive(),
    endpoint_costs: z.array(
      z.looseObject({ method: z.string().min(1), path: z.string().min(1), cost: z.int().nonnegative() }),
    ),
  })
  .transform((c): VenueEndpointCosts => ({ defaultCost: c.default_cost, endpointCosts: c.endpoint_costs }));
