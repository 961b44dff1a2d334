/**
 * Properties of the fail-closed edge on the recorded 2026 market objects:
 * - any set of extra fields is tolerated and reported exactly, once each, without a violation;
 * - dropping any one required field fails the parse with exactly that field's path, light red.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ContractMonitor } from '../contract/contract-monitor.js';
import { MarketsResponse } from './market-schemas.js';
import { isKalshiRequestError } from './request-error.js';
import { parseVenue } from './venue-parse.js';

const FILE = fileURLToPath(
  new URL(
    '../../../../../../shared/data/kalshi-markets/KXFEDMENTION-26MAR_markets_data.json',
    import.meta.url,
  ),
);
const MARKETS = Object.values(
  z.record(z.string(), z.looseObject({})).parse(JSON.parse(readFileSync(FILE, 'utf8'))),
);

// Written out from kalshi-api.md §3.3 (the fields the agent reads), not derived from the schema.
const REQUIRED = [
  'ticker',
  'event_ticker',
  'market_type',
  'status',
  'yes_sub_title',
  'no_sub_title',
  'open_time',
  'close_time',
  'latest_expiration_time',
  'yes_bid_dollars',
  'yes_bid_size_fp',
  'yes_ask_dollars',
  'yes_ask_size_fp',
  'no_bid_dollars',
  'no_ask_dollars',
  'last_price_dollars',
  'volume_fp',
  'volume_24h_fp',
  'open_interest_fp',
  'result',
  'can_close_early',
  'price_level_structure',
  'price_ranges',
  'rules_primary',
] as const;

function context() {
  const contract = new ContractMonitor(() => 0);
  return { contract, ctx: { endpoint: 'GET /markets', contract, logger: pino({ level: 'silent' }) } };
}

const extraKey = fc.stringMatching(/^zz_[a-z_]{1,12}$/);

describe('fail-closed market parsing (property)', () => {
  it('extra fields are tolerated and reported exactly once each', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: MARKETS.length - 1 }),
        fc.dictionary(extraKey, fc.jsonValue(), { minKeys: 1, maxKeys: 5 }),
        (index, extras) => {
          const { ctx, contract } = context();
          const market = { ...MARKETS[index], ...extras };
          parseVenue(MarketsResponse, { markets: [market, market], cursor: '' }, ctx);
          const state = contract.state();
          expect(state.violations).toEqual([]);
          const reported = state.unknownFields
            .map((u) => u.field)
            .filter((f) => f.startsWith('markets[].zz_'));
          expect(reported.sort()).toEqual(
            Object.keys(extras)
              .map((k) => `markets[].${k}`)
              .sort(),
          );
        },
      ),
      { seed: 20261125, numRuns: 200 },
    );
  });

  it('dropping any required field fails with that field path', () => {
    fc.assert(
      fc.property(fc.nat({ max: MARKETS.length - 1 }), fc.constantFrom(...REQUIRED), (index, field) => {
        const { ctx, contract } = context();
        const market: Record<string, unknown> = { ...MARKETS[index] };
        delete market[field];
        let error: unknown;
        try {
          parseVenue(MarketsResponse, { markets: [market], cursor: '' }, ctx);
        } catch (e) {
          error = e;
        }
        expect(isKalshiRequestError(error) && error.kind).toBe('contract');
        expect(isKalshiRequestError(error) && error.field).toBe(`markets[0].${field}`);
        expect(contract.state().status).toBe('red');
      }),
      { seed: 20261125, numRuns: 200 },
    );
  });
});
