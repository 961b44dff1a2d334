/**
 * A real simulator plus a KalshiHttp wired as the connector will wire it: K2's real token-bucket
 * limiter (Basic tier), a fresh contract monitor, and the generated key. Nothing is mocked.
 */
import { pino } from 'pino';
import { ContractMonitor } from '../../../src/connectors/kalshi/contract/contract-monitor.js';
import { KalshiHttp } from '../../../src/connectors/kalshi/http/index.js';
import type { KalshiHttpOptions, VenueMarket } from '../../../src/connectors/kalshi/http/index.js';
import { TokenBucketLimiter } from '../../../src/connectors/kalshi/rate-limit/index.js';
import { startSimVenue } from '../../helpers/sim-venue.js';
import type { SimVenue, SimVenueOptions } from '../../helpers/sim-venue.js';

export interface SimHttp {
  sim: SimVenue;
  http: KalshiHttp;
  limiter: TokenBucketLimiter;
  contract: ContractMonitor;
  /** A fresh client on the same venue (own monitor), e.g. with a short timeout. */
  client(overrides?: Partial<KalshiHttpOptions>): { http: KalshiHttp; contract: ContractMonitor };
}

export async function startSimHttp(options: SimVenueOptions = {}): Promise<SimHttp> {
  const sim = await startSimVenue(options);
  const limiter = new TokenBucketLimiter();
  const client = (overrides: Partial<KalshiHttpOptions> = {}) => {
    const contract = new ContractMonitor();
    const http = new KalshiHttp({
      baseUrl: sim.rest,
      credentials: { keyId: sim.keyId, privateKey: sim.privateKey },
      limiter,
      contract,
      logger: pino({ level: 'silent' }),
      timeoutMs: 5_000,
      ...overrides,
    });
    return { http, contract };
  };
  const { http, contract } = client();
  return { sim, http, limiter, contract, client };
}

/** An active 1¢-grid market with both sides quoted, so a 1¢ bid rests without trading. */
export async function pickRestingMarket(http: KalshiHttp): Promise<VenueMarket> {
  const page = await http.getMarkets({ status: 'open', limit: 200 });
  const market = page.items.find(
    (m) =>
      m.status === 'active' &&
      m.priceLevelStructure === 'linear_cent' &&
      m.yesBidE4 > 200 &&
      m.yesAskE4 < 9_800,
  );
  if (market === undefined) throw new Error('no active linear_cent market with a quote above 2¢ in the sim');
  return market;
}

/** Unique per test run, inside Kalshi's client_order_id alphabet. */
export function clientOrderId(label: string): string {
  return `pt-${label}-${process.pid}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}
