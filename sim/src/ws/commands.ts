import { z } from 'zod';

/** Client → server commands (kalshi-api.md §4.1). Parsed leniently, then checked with codes. */
export const CHANNELS = [
  'orderbook_delta',
  'ticker',
  'trade',
  'fill',
  'user_orders',
  'market_positions',
  'market_lifecycle_v2',
  'order_group_updates',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const commandSchema = z.object({
  id: z.number().int().nonnegative().optional(),
  cmd: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
});
export type Command = z.infer<typeof commandSchema>;

const ticker = z.string().regex(/^[A-Z0-9][A-Z0-9.-]*$/);

export const subscribeParamsSchema = z.object({
  channels: z.array(z.string()).optional(),
  market_ticker: ticker.optional(),
  market_tickers: z.array(ticker).optional(),
  use_yes_price: z.boolean().optional(),
  send_initial_snapshot: z.boolean().optional(),
  skip_ticker_ack: z.boolean().optional(),
});

export const unsubscribeParamsSchema = z.object({ sids: z.array(z.number().int()).optional() });

export const updateParamsSchema = z.object({
  sid: z.number().int().optional(),
  sids: z.array(z.number().int()).optional(),
  market_ticker: ticker.optional(),
  market_tickers: z.array(ticker).optional(),
  action: z.string().optional(),
});

/** Documented WS error codes (ASYNC). */
export const WsError = {
  unableToProcess: { code: 1, msg: 'Unable to process message' },
  paramsRequired: { code: 2, msg: 'Params required' },
  channelsRequired: { code: 3, msg: 'Channels required' },
  sidsRequired: { code: 4, msg: 'Subscription IDs required' },
  unknownCommand: { code: 5, msg: 'Unknown command' },
  unknownSid: { code: 7, msg: 'Unknown subscription ID' },
  unknownChannel: { code: 8, msg: 'Unknown channel name' },
  invalidParameter: { code: 11, msg: 'Invalid parameter' },
  exactlyOneSid: { code: 12, msg: 'Exactly one subscription ID is required' },
  unsupportedAction: { code: 13, msg: 'Unsupported action' },
  marketTickerRequired: { code: 14, msg: 'Market Ticker required' },
  actionRequired: { code: 15, msg: 'Action required' },
  bufferOverflow: { code: 25, msg: 'Subscription buffer overflow' },
} as const;
export type WsErrorSpec = (typeof WsError)[keyof typeof WsError];
