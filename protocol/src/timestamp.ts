import { z } from 'zod';

/** Unix epoch milliseconds. Every time on the agent↔web wire is one of these, never an ISO string. */
export const TimestampMs = z.int().min(0);
export type TimestampMs = z.infer<typeof TimestampMs>;
