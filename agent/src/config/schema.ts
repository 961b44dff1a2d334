import { z } from 'zod';
import { SentimentTopic, TradingEnvironment } from '@pt/protocol';

/**
 * The agent's default loopback port. Fixed so the PWA keeps one origin (and its storage) across
 * restarts; 47821 sits in the IANA dynamic range and is not a well-known default of common tools.
 * `--port 0` asks the OS for a free port instead (tests and side-by-side agents use it).
 */
export const DEFAULT_PORT = 47821;

export const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']);
export type LogLevel = z.infer<typeof LogLevel>;

export const Port = z
  .number({ error: 'expected an integer from 0 to 65535' })
  .int('expected an integer from 0 to 65535')
  .min(0, 'expected an integer from 0 to 65535')
  .max(65535, 'expected an integer from 0 to 65535');

/** The sentiment service the agent polls (issue 9); its key is a secret and is redacted everywhere. */
export const VibeConfig = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
  apiKey: z.string().min(1).optional(),
  /** Topics to poll (vibe's topic ids); default: every topic of vibe's default rules. */
  topics: z.array(SentimentTopic).min(1).max(32).optional(),
  /** Poll interval (default 15 s), decay half-life (default 1800 s), kill switch after this long without a valid answer (default 60 s) or data this old (default 600 s). */
  pollIntervalS: z.int().min(1).max(3_600).optional(),
  halfLifeS: z
    .int()
    .min(1)
    .max(7 * 86_400)
    .optional(),
  killAfterS: z.int().min(1).max(86_400).optional(),
  staleLimitS: z.int().min(1).max(86_400).optional(),
  /** Below this share of items from healthy sources a topic's confidence is cut (default 0.5). */
  minHealthyShare: z.number().min(0).max(1).optional(),
});
export type VibeConfig = z.infer<typeof VibeConfig>;

/**
 * Where the local simulator listens (`--env sim`): its ready line's `rest` and `ws`. Checked fully
 * (loopback, http/ws, paths) by the connector's venue config when the venue starts.
 */
export const SimVenueConfig = z.strictObject({
  restBaseUrl: z.url({ protocol: /^http$/, error: 'expected an http:// URL' }),
  wsUrl: z.url({ protocol: /^ws$/, error: 'expected a ws:// URL' }),
});
export type SimVenueConfig = z.infer<typeof SimVenueConfig>;

/**
 * An extra browser origin allowed to call the API (e.g. a hosted copy of the PWA): scheme, host
 * and port only, compared exactly. The agent's own origin is always allowed.
 */
export const AllowedOrigin = z
  .url({ protocol: /^https?$/, error: 'expected an origin such as https://app.example.com' })
  .refine(
    (text) => new URL(text).origin === text,
    'expected an origin only: scheme://host[:port], no path or slash',
  );

/** The trader's time zone (IANA, e.g. `America/New_York`): the calendar day of the daily loss limit. */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'expected an IANA time zone such as America/New_York');

/** Paired browser tokens unused this long expire (the user pairs again). */
export const DeviceIdleExpiryDays = z.int().min(1).max(365);
export const DEFAULT_DEVICE_IDLE_EXPIRY_DAYS = 30;

/** `config.json`: every field optional; unknown fields are an error so a typo never passes silently. */
export const ConfigFile = z.strictObject({
  port: Port.optional(),
  environment: TradingEnvironment.optional(),
  logLevel: LogLevel.optional(),
  vibe: VibeConfig.optional(),
  simVenue: SimVenueConfig.optional(),
  allowedOrigins: z.array(AllowedOrigin).max(32).optional(),
  deviceIdleExpiryDays: DeviceIdleExpiryDays.optional(),
  timeZone: TimeZone.optional(),
});
export type ConfigFile = z.infer<typeof ConfigFile>;

/**
 * Where the resolved `environment` came from. An explicit choice (`flag`, `env`) beats the trader's
 * last switch persisted in `<dataDir>/environment.json`; `file` (config.json) and `default` do not.
 */
export const ConfigSource = z.enum(['flag', 'env', 'file', 'default']);
export type ConfigSource = z.infer<typeof ConfigSource>;

/** The resolved configuration, parsed once at start-up and passed down; nothing else reads env. */
export const AgentConfig = z.strictObject({
  port: Port,
  /** Absolute. Holds config.json, the lock, the discovery file, logs and the databases. */
  dataDir: z.string().min(1),
  environment: TradingEnvironment,
  environmentSource: ConfigSource,
  logLevel: LogLevel,
  vibe: VibeConfig.optional(),
  simVenue: SimVenueConfig.optional(),
  allowedOrigins: z.array(AllowedOrigin),
  deviceIdleExpiryDays: DeviceIdleExpiryDays,
  /** The trader's time zone; absent = the system's. */
  timeZone: TimeZone.optional(),
  /** The config file that was read, if any (absolute path). */
  configFile: z.string().optional(),
  /** `--no-tray`: never start the tray icon (headless by choice). */
  noTray: z.boolean().optional(),
});
export type AgentConfig = z.infer<typeof AgentConfig>;
