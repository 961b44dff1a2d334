import { z } from 'zod';

/**
 * Trading environment. Each has its own database file so paper and real state never mix:
 * `sim` is the embedded simulator, `demo` is Kalshi's demo venue, `live` is real money.
 */
export const TradingEnvironment = z.enum(['sim', 'demo', 'live']);
export type TradingEnvironment = z.infer<typeof TradingEnvironment>;
