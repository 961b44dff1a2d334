import { describe, expect, it } from 'vitest';
import { MarketTicker } from '../ids.js';
import { StreamName, marketStream } from './streams.js';

describe('StreamName', () => {
  it.each(['orders', 'health', 'market:KXHIGHNY-25NOV25-B58.5'])('accepts %s', (name) => {
    expect(StreamName.safeParse(name).success).toBe(true);
  });

  it.each(['', 'order', 'market:', 'market:lower', 'book:FED', 'MARKET:FED', 'market:FED extra'])(
    'rejects %j',
    (name) => {
      expect(StreamName.safeParse(name).success).toBe(false);
    },
  );

  it('builds the stream of a market', () => {
    const stream = marketStream(MarketTicker.parse('FED-23DEC-T3.00'));
    expect(stream).toBe('market:FED-23DEC-T3.00');
    expect(StreamName.parse(stream)).toBe(stream);
  });
});
