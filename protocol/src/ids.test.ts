import { describe, expect, it } from 'vitest';
import { ClientOrderId, EventTicker, MarketTicker, OrderId, StrategyId, TradeId } from './ids.js';

describe('tickers', () => {
  it.each([
    'KXHIGHNY-25DEC27-B33.5',
    'KXNBAGAME-25NOV22LACCHA-CHA',
    'APRPOTUS-24JUL19-T40.8',
    'EUCLIMATE-2030',
    'FED-23DEC-T3.00',
  ])('accepts recorded ticker %s', (ticker) => {
    expect(MarketTicker.parse(ticker)).toBe(ticker);
  });

  it.each(['', 'kxhighny-25dec27', ' FED', 'FED 23', '-FED', 'FED/23', 'A'.repeat(129)])(
    'rejects %j',
    (ticker) => {
      expect(MarketTicker.safeParse(ticker).success).toBe(false);
    },
  );

  it('names the ticker kind in the message', () => {
    expect(EventTicker.safeParse('bad').error?.issues[0]?.message).toContain('event ticker');
  });
});

describe('venue ids', () => {
  it('accepts GUIDs that are not RFC 4122 (real Kalshi trade id)', () => {
    expect(TradeId.parse('f851595a-6d92-424e-09f8-0d2669de70ae')).toBe(
      'f851595a-6d92-424e-09f8-0d2669de70ae',
    );
  });
  it.each(['', 'ee587a1c-...', 'not-a-guid', 'f851595a6d92424e09f80d2669de70ae'])(
    'OrderId rejects %j',
    (id) => {
      expect(OrderId.safeParse(id).success).toBe(false);
    },
  );
});

describe('ClientOrderId', () => {
  it.each(['my-order-1', '8c35ecb3-0b0c-4b5e-9e4f-1b2c3d4e5f60', 'pt:abc+def=/x', 'a'.repeat(64)])(
    'accepts %s',
    (id) => {
      expect(ClientOrderId.safeParse(id).success).toBe(true);
    },
  );
  it.each(['', 'a'.repeat(65), 'has space', 'semi;colon', 'ünicode'])('rejects %j', (id) => {
    expect(ClientOrderId.safeParse(id).success).toBe(false);
  });
});

describe('StrategyId', () => {
  it('accepts kebab-case and rejects anything else', () => {
    expect(StrategyId.safeParse('volatility-rider').success).toBe(true);
    expect(StrategyId.safeParse('HypeFade').success).toBe(false);
  });
});
