/**
 * Portfolio schemas on the documented 2026 shapes (kalshi-api.md §3.3, kalshi-typescript 3.30):
 * the mixed units (integer cents vs dollar strings) and signed positions are where clients break.
 */
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ContractMonitor } from '../contract/contract-monitor.js';
import {
  BalanceResponse,
  FillsResponse,
  PositionsResponse,
  SettlementsResponse,
} from './portfolio-schemas.js';
import { parseVenue } from './venue-parse.js';

/** Parses through the fail-closed edge (for the error cases: message names the path). */
function parse(schema: Parameters<typeof parseVenue>[0], body: unknown): unknown {
  const ctx = {
    endpoint: 'GET /test',
    contract: new ContractMonitor(() => 0),
    logger: pino({ level: 'silent' }),
  };
  return parseVenue(schema, body, ctx);
}

describe('portfolio schemas', () => {
  it('balance: uses balance_dollars (centi-cent), portfolio_value is integer cents', () => {
    const body = {
      balance: 123456,
      balance_dollars: '1234.5678',
      portfolio_value: 2500,
      updated_ts: 1764000000,
    };
    const r = BalanceResponse.parse(body);
    expect(r).toEqual({
      balanceE6: 1_234_567_800,
      portfolioValueE6: 25_000_000,
      updatedAtMs: 1_764_000_000_000,
    });
  });

  it('balance: the legacy integer balance alone is not enough (fails closed)', () => {
    expect(() => parse(BalanceResponse, { balance: 123456, portfolio_value: 0 })).toThrow(/balance_dollars/);
  });

  it('positions: negative position_fp means NO contracts; ISO last_updated_ts', () => {
    const body = {
      cursor: '',
      market_positions: [
        {
          ticker: 'KXHIGHNY-26JAN01-B34.5',
          exchange_index: 0,
          total_traded_dollars: '12.500000',
          position_fp: '-25.50',
          market_exposure_dollars: '9.180000',
          realized_pnl_dollars: '-1.020000',
          fees_paid_dollars: '0.350000',
          last_updated_ts: '2026-01-01T10:00:00Z',
        },
      ],
      event_positions: [
        {
          event_ticker: 'KXHIGHNY-26JAN01',
          total_cost_dollars: '12.500000',
          total_cost_shares_fp: '25.50',
          event_exposure_dollars: '9.180000',
          realized_pnl_dollars: '-1.020000',
          fees_paid_dollars: '0.350000',
        },
      ],
    };
    const r = PositionsResponse.parse(body);
    expect(r.cursor).toBeUndefined();
    expect(r.marketPositions[0]).toMatchObject({
      positionE2: -2550,
      totalTradedE6: 12_500_000,
      realizedPnlE6: -1_020_000,
      lastUpdatedAtMs: Date.parse('2026-01-01T10:00:00Z'),
    });
    expect(r.eventPositions[0]).toMatchObject({
      eventTicker: 'KXHIGHNY-26JAN01',
      eventExposureE6: 9_180_000,
    });
  });

  it('fills: fee_cost is a dollar string; no client_order_id needed (removed from REST fills)', () => {
    const body = {
      fills: [
        {
          fill_id: 'f851595a-6d92-424e-09f8-0d2669de70ae',
          trade_id: 'f851595a-6d92-424e-09f8-0d2669de70ae',
          order_id: 'ee9f3b2c-1d5e-4c1a-9a57-3a1f0c2b7d10',
          ticker: 'KXHIGHNY-26JAN01-B34.5',
          market_ticker: 'KXHIGHNY-26JAN01-B34.5',
          outcome_side: 'no',
          book_side: 'ask',
          count_fp: '3.00',
          yes_price_dollars: '0.4200',
          no_price_dollars: '0.5800',
          is_taker: true,
          fee_cost: '0.050000',
          created_time: '2026-01-01T10:00:00.5Z',
        },
      ],
      cursor: 'abc',
    };
    const r = FillsResponse.parse(body);
    expect(r.fills[0]).toMatchObject({
      outcomeSide: 'no',
      bookSide: 'ask',
      countE2: 300,
      noPriceE4: 5800,
      feeCostE6: 50_000,
    });
    expect(r.cursor).toBe('abc');
  });

  it('settlements: revenue is integer cents, costs are dollar strings', () => {
    const body = {
      settlements: [
        {
          ticker: 'KXHIGHNY-26JAN01-B34.5',
          exchange_index: 0,
          event_ticker: 'KXHIGHNY-26JAN01',
          market_result: 'yes',
          yes_count_fp: '10.00',
          yes_total_cost_dollars: '4.200000',
          no_count_fp: '0.00',
          no_total_cost_dollars: '0.000000',
          revenue: 1000,
          settled_time: '2026-01-02T05:00:00Z',
          fee_cost: '0.120000',
          value: 100,
        },
      ],
    };
    const r = SettlementsResponse.parse(body);
    expect(r.settlements[0]).toMatchObject({
      revenueE6: 10_000_000,
      yesTotalCostE6: 4_200_000,
      yesCountE2: 1000,
    });
    expect(r.cursor).toBeUndefined();
  });

  it('settlements: a revenue sent as a dollar string is a contract break, not a silent ×100 error', () => {
    const body = {
      settlements: [
        {
          ticker: 'A-1',
          event_ticker: 'A',
          market_result: 'no',
          yes_count_fp: '0.00',
          yes_total_cost_dollars: '0.000000',
          no_count_fp: '1.00',
          no_total_cost_dollars: '0.400000',
          revenue: '1.00',
          settled_time: '2026-01-02T05:00:00Z',
          fee_cost: '0.000000',
        },
      ],
    };
    expect(() => parse(SettlementsResponse, body)).toThrow(/settlements\[0\]\.revenue/);
  });
});
