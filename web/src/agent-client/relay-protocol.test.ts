/** The relay's messages are checked on arrival: a stray or malformed message is dropped, named. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseRelayMessage } from './relay-protocol.js';

const options = {
  url: 'ws://127.0.0.1:4100/v1/stream',
  token: 't'.repeat(43),
  streams: ['orders'],
  clientVersion: 'test',
};

afterEach(() => vi.restoreAllMocks());

describe('parseRelayMessage', () => {
  it('accepts each kind of message', () => {
    expect(parseRelayMessage({ kind: 'attach', from: 'a', options, tickers: ['KXA-1'] })?.kind).toBe(
      'attach',
    );
    expect(parseRelayMessage({ kind: 'leader', leaderId: 'a', welcomed: 'b' })).toEqual({
      kind: 'leader',
      leaderId: 'a',
      welcomed: 'b',
    });
    const report = parseRelayMessage({
      kind: 'report',
      to: 'b',
      report: { type: 'notifier', isNotifier: true },
    });
    expect(report).toEqual({ kind: 'report', to: 'b', report: { type: 'notifier', isNotifier: true } });
  });

  it('drops a malformed message and says which field was wrong', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const badUrl = { kind: 'attach', from: 'a', options: { ...options, url: 'http://x' }, tickers: [] };
    expect(parseRelayMessage(badUrl)).toBeNull();
    expect(warn).toHaveBeenLastCalledWith(expect.stringContaining('options.url'));
    expect(parseRelayMessage({ kind: 'report', to: 'b', report: { type: 'mystery' } })).toBeNull();
    expect(warn).toHaveBeenLastCalledWith(expect.stringContaining('report.type'));
    expect(parseRelayMessage({ kind: 'detach' })).toBeNull();
    expect(warn).toHaveBeenLastCalledWith(expect.stringContaining('from'));
    expect(parseRelayMessage('hello')).toBeNull();
  });
});
