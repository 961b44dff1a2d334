import { describe, expect, it } from 'vitest';
import { toLedgerRow } from './ledger-row.js';

const valid = { source: 'kalshi.ws', sourceEventId: 't-1', kind: 'market.trade', payload: { p: '0.5600' } };

describe('toLedgerRow', () => {
  it('fills venue time with null and ingest time from the clock when absent', () => {
    expect(toLedgerRow(valid, 0, () => 42)).toEqual([
      'kalshi.ws',
      't-1',
      'market.trade',
      '{"p":"0.5600"}',
      null,
      42,
    ]);
  });

  it.each([
    [{ ...valid, source: '' }, 'events[3].source'],
    [{ ...valid, kind: 'Market.Trade' }, 'events[3].kind'],
    [{ ...valid, venueTsMs: 1.5 }, 'events[3].venueTsMs'],
    [{ ...valid, ingestTsMs: -1 }, 'events[3].ingestTsMs'],
    [{ ...valid, payload: { at: new Date(0) } }, 'events[3].payload.at'],
  ])('names the bad field in the error (%o)', (event, field) => {
    try {
      toLedgerRow(event, 3, () => 0);
      expect.unreachable();
    } catch (err) {
      expect(err).toMatchObject({ code: 'VALIDATION_FAILED', details: { field } });
    }
  });

  it('refuses a value that is not an event object', () => {
    expect(() => toLedgerRow(null, 0, () => 0)).toThrow('events[0]');
    expect(() => toLedgerRow([valid], 0, () => 0)).toThrow('events[0]');
  });
});
