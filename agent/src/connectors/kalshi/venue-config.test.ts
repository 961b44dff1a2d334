import { describe, expect, it } from 'vitest';
import { KALSHI_VENUE_URLS, resolveVenueConfig } from './venue-config.js';

describe('resolveVenueConfig', () => {
  it('uses the recommended external-api hosts for demo and live', () => {
    expect(resolveVenueConfig('live')).toEqual({
      environment: 'live',
      restBaseUrl: 'https://external-api.kalshi.com/trade-api/v2',
      wsUrl: 'wss://external-api-ws.kalshi.com/trade-api/ws/v2',
    });
    expect(resolveVenueConfig('demo')).toEqual({ environment: 'demo', ...KALSHI_VENUE_URLS.demo });
  });

  it('accepts the still-supported shared host of the same environment', () => {
    const config = resolveVenueConfig('demo', { restBaseUrl: 'https://demo-api.kalshi.co/trade-api/v2/' });
    expect(config.restBaseUrl).toBe('https://demo-api.kalshi.co/trade-api/v2');
  });

  it('refuses a demo host for live and a live host for demo', () => {
    expect(() => resolveVenueConfig('live', { restBaseUrl: KALSHI_VENUE_URLS.demo.restBaseUrl })).toThrow(
      /restBaseUrl host external-api.demo.kalshi.co is not a Kalshi live host/,
    );
    expect(() => resolveVenueConfig('demo', { wsUrl: KALSHI_VENUE_URLS.live.wsUrl })).toThrow(/wsUrl host/);
  });

  it('refuses plain http/ws for real venues', () => {
    expect(() =>
      resolveVenueConfig('live', { restBaseUrl: 'http://external-api.kalshi.com/trade-api/v2' }),
    ).toThrow(/restBaseUrl must use https:/);
    expect(() =>
      resolveVenueConfig('live', { wsUrl: 'ws://external-api-ws.kalshi.com/trade-api/ws/v2' }),
    ).toThrow(/wsUrl must use wss:/);
  });

  it('requires sim URLs from configuration, on loopback, over http/ws', () => {
    expect(() => resolveVenueConfig('sim')).toThrow(/restBaseUrl/);
    const sim = resolveVenueConfig('sim', {
      restBaseUrl: 'http://127.0.0.1:41234/trade-api/v2',
      wsUrl: 'ws://127.0.0.1:41234/trade-api/ws/v2',
    });
    expect(sim.environment).toBe('sim');
    expect(() =>
      resolveVenueConfig('sim', {
        restBaseUrl: 'http://external-api.kalshi.com/trade-api/v2',
        wsUrl: 'ws://127.0.0.1:41234/trade-api/ws/v2',
      }),
    ).toThrow(/not loopback/);
    expect(() =>
      resolveVenueConfig('sim', {
        restBaseUrl: 'https://127.0.0.1:41234/trade-api/v2',
        wsUrl: 'ws://127.0.0.1:41234/trade-api/ws/v2',
      }),
    ).toThrow(/must use http:/);
  });

  it('refuses wrong paths, queries and embedded credentials', () => {
    expect(() =>
      resolveVenueConfig('live', { restBaseUrl: 'https://external-api.kalshi.com/trade-api/v1' }),
    ).toThrow(/path must be \/trade-api\/v2/);
    expect(() =>
      resolveVenueConfig('live', { restBaseUrl: 'https://u:p@external-api.kalshi.com/trade-api/v2' }),
    ).toThrow(/credentials/);
    expect(() => resolveVenueConfig('live', { wsUrl: 'not a url' })).toThrow(/wsUrl must be a URL/);
  });
});
