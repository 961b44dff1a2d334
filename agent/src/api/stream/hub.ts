/**
 * The agent's one fan-out point for stream data. Producers (health, trading state, orders, books)
 * call `publish`; the hub numbers the event on its stream (1, 2, …), serialises it once, keeps it
 * in the stream's ring for `resync`, and hands the same bytes to every subscribed socket.
 */
import { randomBytes } from 'node:crypto';
import type { ServerEvent } from '@pt/protocol';
import { EventRing } from './event-ring.js';

/** A stream event as a producer hands it over: everything but the seq the hub assigns. */
export type UnsequencedEvent = Unsequenced<ServerEvent>;
type Unsequenced<E> = E extends unknown ? Omit<E, 'seq'> : never;

/** One subscribed socket, as the hub sees it. */
export interface StreamSink {
  /** Bytes queued for the socket but not yet written to the network. */
  readonly bufferedAmount: number;
  /** Sends one serialised event (a text frame). */
  send(frame: Buffer): void;
  /** The socket fell too far behind: close it (the hub has already forgotten it). */
  dropSlow(): void;
}

/** What `resync` comes to: the frames to send again, or a reset when they are gone. */
export type ReplayResult =
  | { readonly kind: 'replay'; readonly frames: readonly Buffer[] }
  | { readonly kind: 'reset'; readonly seq: number; readonly reason: string };

export interface StreamHubOptions {
  /** Events kept per stream for resync. */
  ringEvents?: number;
  /** Bytes kept per stream for resync (the newest event is always kept). */
  ringBytes?: number;
  /** A socket with more than this many bytes queued is closed as a slow consumer. */
  maxBufferedBytes?: number;
}

interface StreamState {
  seq: number;
  readonly ring: EventRing;
}

const DEFAULT_RING_EVENTS = 1_000;
const DEFAULT_RING_BYTES = 1024 * 1024;
const DEFAULT_MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export class StreamHub {
  /**
   * Names this numbering of the streams. Seqs restart at 1 with a new hub (agent restart) or after
   * `reset()` (environment switch); the epoch changes with them, travels in `hello`, and tells a
   * reconnecting client to drop what it holds instead of resyncing from an old seq.
   */
  private currentEpoch = newEpoch();
  private readonly streams = new Map<string, StreamState>();
  private readonly sinks = new Map<string, Set<StreamSink>>();
  private readonly snapshotListeners = new Set<(stream: string) => void>();
  private readonly ringEvents: number;
  private readonly ringBytes: number;
  private readonly maxBufferedBytes: number;

  constructor(options: StreamHubOptions = {}) {
    this.ringEvents = options.ringEvents ?? DEFAULT_RING_EVENTS;
    this.ringBytes = options.ringBytes ?? DEFAULT_RING_BYTES;
    this.maxBufferedBytes = options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;
  }

  get epoch(): string {
    return this.currentEpoch;
  }

  /**
   * Forgets every stream's seq and ring and starts a new epoch (a new environment's data must not
   * continue the old numbering). Call with no sockets attached (after `closeAll`).
   */
  reset(): void {
    this.streams.clear();
    this.currentEpoch = newEpoch();
  }

  /** Numbers, keeps and fans out one event; returns the seq it got. */
  publish(event: UnsequencedEvent): number {
    const state = this.state(event.stream);
    const seq = state.seq + 1;
    const frame = Buffer.from(JSON.stringify({ ...event, seq }));
    state.seq = seq;
    state.ring.push(seq, frame);
    const sinks = this.sinks.get(event.stream);
    if (sinks !== undefined) {
      for (const sink of sinks) {
        if (sink.bufferedAmount > this.maxBufferedBytes) {
          this.removeSink(sink);
          sink.dropSlow();
        } else {
          sink.send(frame);
        }
      }
    }
    return seq;
  }

  /** The last seq published on `stream` (0 = none yet); the next event carries seq + 1. */
  currentSeq(stream: string): number {
    return this.streams.get(stream)?.seq ?? 0;
  }

  /** Adds `sink` to `stream`'s fan-out; returns the stream's current seq. */
  subscribe(stream: string, sink: StreamSink): number {
    let set = this.sinks.get(stream);
    if (set === undefined) {
      set = new Set();
      this.sinks.set(stream, set);
    }
    set.add(sink);
    return this.currentSeq(stream);
  }

  unsubscribe(stream: string, sink: StreamSink): void {
    const set = this.sinks.get(stream);
    if (set === undefined) return;
    set.delete(sink);
    if (set.size === 0) this.sinks.delete(stream);
  }

  /** Forgets `sink` on every stream (its socket closed). */
  removeSink(sink: StreamSink): void {
    for (const [stream, set] of this.sinks) {
      if (set.delete(sink) && set.size === 0) this.sinks.delete(stream);
    }
  }

  subscriberCount(stream: string): number {
    return this.sinks.get(stream)?.size ?? 0;
  }

  /** The frames of `stream` from `fromSeq` on, or a reset when the ring no longer has them. */
  replay(stream: string, fromSeq: number): ReplayResult {
    const state = this.streams.get(stream);
    const seq = state?.seq ?? 0;
    if (fromSeq > seq + 1) {
      // The client saw seqs this agent never sent: the agent restarted since.
      return { kind: 'reset', seq, reason: `seq ${fromSeq - 1} is ahead of the agent (restarted)` };
    }
    const frames = state === undefined ? [] : state.ring.from(fromSeq);
    if (frames === null) return { kind: 'reset', seq, reason: `seq ${fromSeq} is no longer kept` };
    return { kind: 'replay', frames };
  }

  /**
   * A client needs the full state of a market stream (it just subscribed, or was reset): the book
   * owner listens here and publishes a `book.snapshot` on that stream.
   */
  onSnapshotWanted(listener: (stream: string) => void): () => void {
    this.snapshotListeners.add(listener);
    return () => this.snapshotListeners.delete(listener);
  }

  requestSnapshot(stream: string): void {
    for (const listener of this.snapshotListeners) listener(stream);
  }

  private state(stream: string): StreamState {
    let state = this.streams.get(stream);
    if (state === undefined) {
      state = { seq: 0, ring: new EventRing(this.ringEvents, this.ringBytes) };
      this.streams.set(stream, state);
    }
    return state;
  }
}

function newEpoch(): string {
  return randomBytes(9).toString('base64url');
}
