import { describe, expect, it } from 'vitest';
import { ServerEvent } from '@pt/protocol';
import type { UnsequencedEvent } from './hub.js';
import { StreamHub } from './hub.js';
import type { StreamSink } from './hub.js';

function tradingState(reason: string): UnsequencedEvent {
  return {
    type: 'trading_state.changed',
    stream: 'trading_state',
    tradingState: { mode: 'halted', reason, changedBy: 'system', sinceMs: 1_700_000_000_000 },
  };
}

/** A socket stand-in that records frames and lets the test set its backlog. */
class RecordingSink implements StreamSink {
  bufferedAmount = 0;
  readonly frames: Buffer[] = [];
  dropped = 0;
  send(frame: Buffer): void {
    this.frames.push(frame);
  }
  dropSlow(): void {
    this.dropped += 1;
  }
  seqs(): number[] {
    return this.frames.map((f) => ServerEvent.parse(JSON.parse(f.toString())).seq);
  }
}

describe('StreamHub', () => {
  it('starts a new epoch and seq 1 after reset; every hub has its own epoch', () => {
    const hub = new StreamHub();
    hub.publish(tradingState('a'));
    hub.publish(tradingState('b'));
    const before = hub.epoch;
    expect(before).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(new StreamHub().epoch).not.toBe(before);
    hub.reset();
    expect(hub.epoch).not.toBe(before);
    expect(hub.currentSeq('trading_state')).toBe(0);
    expect(hub.publish(tradingState('c'))).toBe(1);
  });

  it('numbers events per stream from 1 and reports the current seq', () => {
    const hub = new StreamHub();
    expect(hub.currentSeq('trading_state')).toBe(0);
    expect(hub.publish(tradingState('a'))).toBe(1);
    expect(hub.publish(tradingState('b'))).toBe(2);
    expect(hub.currentSeq('trading_state')).toBe(2);
    expect(hub.currentSeq('orders')).toBe(0);
  });

  it('serialises once: every subscriber gets the same bytes, which parse as the protocol event', () => {
    const hub = new StreamHub();
    const a = new RecordingSink();
    const b = new RecordingSink();
    expect(hub.subscribe('trading_state', a)).toBe(0);
    hub.subscribe('trading_state', b);
    hub.publish(tradingState('a'));
    expect(a.frames[0]).toBe(b.frames[0]);
    expect(a.seqs()).toEqual([1]);
  });

  it('sends nothing to unsubscribed or removed sinks', () => {
    const hub = new StreamHub();
    const sink = new RecordingSink();
    hub.subscribe('trading_state', sink);
    hub.publish(tradingState('a'));
    hub.unsubscribe('trading_state', sink);
    hub.publish(tradingState('b'));
    hub.subscribe('trading_state', sink);
    hub.removeSink(sink);
    hub.publish(tradingState('c'));
    expect(sink.seqs()).toEqual([1]);
    expect(hub.subscriberCount('trading_state')).toBe(0);
  });

  it('replays from the ring, and resets when the seq is gone or ahead', () => {
    const hub = new StreamHub({ ringEvents: 3 });
    for (let i = 0; i < 5; i += 1) hub.publish(tradingState(`e${i}`));
    const replay = hub.replay('trading_state', 4);
    expect(replay.kind).toBe('replay');
    if (replay.kind === 'replay') {
      expect(replay.frames.map((f) => ServerEvent.parse(JSON.parse(f.toString())).seq)).toEqual([4, 5]);
    }
    expect(hub.replay('trading_state', 6)).toEqual({ kind: 'replay', frames: [] });
    expect(hub.replay('trading_state', 2)).toMatchObject({ kind: 'reset', seq: 5 });
    expect(hub.replay('trading_state', 9)).toMatchObject({ kind: 'reset', seq: 5 });
    expect(hub.replay('orders', 1)).toEqual({ kind: 'replay', frames: [] });
  });

  it('drops a sink whose backlog is over the limit instead of sending to it', () => {
    const hub = new StreamHub({ maxBufferedBytes: 100 });
    const slow = new RecordingSink();
    const fast = new RecordingSink();
    hub.subscribe('trading_state', slow);
    hub.subscribe('trading_state', fast);
    hub.publish(tradingState('a'));
    slow.bufferedAmount = 101;
    hub.publish(tradingState('b'));
    hub.publish(tradingState('c'));
    expect(slow.seqs()).toEqual([1]);
    expect(slow.dropped).toBe(1);
    expect(fast.seqs()).toEqual([1, 2, 3]);
    expect(hub.subscriberCount('trading_state')).toBe(1);
  });

  it('tells snapshot listeners which stream wants a snapshot', () => {
    const hub = new StreamHub();
    const wanted: string[] = [];
    const stop = hub.onSnapshotWanted((stream) => wanted.push(stream));
    hub.requestSnapshot('market:FED-23DEC-T3.00');
    stop();
    hub.requestSnapshot('market:OTHER');
    expect(wanted).toEqual(['market:FED-23DEC-T3.00']);
  });
});
