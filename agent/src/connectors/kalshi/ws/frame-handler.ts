/**
 * Everything that happens to one inbound frame: parse at the edge (hand guards on the hot frames,
 * zod on the rest), seq check, book update, ledger record, event out. Fail closed: a frame that
 * does not match the contract is dropped, reported with its field path to the API-contract
 * monitor, and — when it belonged to a sequenced stream — treated like a gap (the books of that
 * sid are unquotable until fresh snapshots arrive).
 */
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { MarketTicker } from '@pt/protocol';
import type { BookRegistry } from '../book/index.js';
import type { ContractMonitor } from '../contract/contract-monitor.js';
import {
  ErrorFrame,
  OkFrame,
  SubscribedFrame,
  TERMINAL_ERROR_CODES,
  UnsubscribedFrame,
} from './frames/control-schemas.js';
import { guardOrderbookDelta } from './frames/hot-guards.js';
import { KNOWN_MSG_KEYS, OrderbookSnapshotFrame } from './frames/market-schemas.js';
import { parseWithContract, type Rejection } from './frames/parse.js';
import { EventFrames } from './event-frames.js';
import type { LedgerSink } from './ledger-sink.js';
import { snapshotRecord } from './ledger-records.js';
import type { LivenessTracker } from './liveness.js';
import type { SeqTracker } from './seq-tracker.js';
import type { Subscriptions } from './subscriptions.js';
import type { StreamChannel, StreamEvent } from './types.js';
import { reportUnknownKeys } from './unknown-fields.js';

export interface FrameHandlerDeps {
  subs: Subscriptions;
  seq: SeqTracker;
  books: BookRegistry;
  liveness: LivenessTracker;
  ledger: LedgerSink;
  contract: ContractMonitor;
  logger: Logger;
  nowMs: () => number;
  emit: (event: StreamEvent) => void;
  /** A subscribe command was answered (subscribed or error). */
  onSubscribeAnswered: (id: number) => void;
}

/** Unknown-field sampling on the hot frames: the first frame, then one in 64. */
const HOT_SAMPLE_MASK = 63;
/** At most one get_snapshot re-seed per sid per this interval. */
const RESYNC_MIN_INTERVAL_MS = 1_000;

function field(frame: unknown, key: string): unknown {
  return typeof frame === 'object' && frame !== null && key in frame ? Reflect.get(frame, key) : undefined;
}

export class FrameHandler {
  rejectedFrames = 0;
  private readonly probeIds = new Set<number>();
  private readonly lastResyncAtMs = new Map<number, number>();
  private readonly deferredResync = new Map<number, NodeJS.Timeout>();
  private hotCount = 0;

  private readonly events: EventFrames;

  constructor(private readonly d: FrameHandlerDeps) {
    this.events = new EventFrames(d, {
      parse: <T>(schema: z.ZodType<T>, frame: unknown, where: string) => this.parse(schema, frame, where),
      reject: (frame, rejection) => this.reject(frame, rejection),
      sequence: (sid, seq) => this.sequence(sid, seq),
      unknownKeys: (where, frame, known) => this.unknownKeys(where, frame, known),
      isHotSample: () => this.isHotSample(),
    });
  }

  /** A get_snapshot sent as a liveness probe: its snapshots are not ledgered. */
  markProbe(id: number): void {
    this.probeIds.add(id);
    if (this.probeIds.size > 1_000) {
      const oldest = this.probeIds.values().next();
      if (oldest.done !== true) this.probeIds.delete(oldest.value);
    }
  }

  handle(text: string): void {
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      this.reject(undefined, { where: 'frame', field: '(root)', message: 'not JSON' });
      return;
    }
    const type = field(frame, 'type');
    switch (type) {
      case 'orderbook_delta':
        return this.onDelta(frame);
      case 'orderbook_snapshot':
        return this.onSnapshot(frame);
      case 'trade':
        return this.events.trade(frame);
      case 'ticker':
        return this.events.ticker(frame);
      case 'fill':
        return this.events.fill(frame);
      case 'user_order':
        return this.events.userOrder(frame);
      case 'market_position':
        return this.events.position(frame);
      case 'market_lifecycle_v2':
      case 'event_lifecycle':
      case 'event_fee_update':
        return this.events.lifecycle(frame);
      case 'subscribed':
        return this.onSubscribed(frame);
      case 'ok':
        return this.onOk(frame);
      case 'unsubscribed':
        return this.onUnsubscribed(frame);
      case 'error':
        return this.onError(frame);
      default:
        if (this.d.contract.reportUnknownField('ws', 'frame', `type=${String(type)}`)) {
          this.d.logger.warn({ type }, 'unknown ws frame type (reported once, ignored)');
        }
    }
  }

  private onDelta(frame: unknown): void {
    const r = guardOrderbookDelta(frame);
    if (!r.ok) return this.reject(frame, { where: 'orderbook_delta', field: r.field, message: r.message });
    const delta = r.value;
    if ((this.hotCount++ & HOT_SAMPLE_MASK) === 0)
      this.unknownKeys('orderbook_delta', frame, KNOWN_MSG_KEYS.orderbook_delta);
    this.sequence(delta.sid, delta.seq);
    const book = this.d.books.get(delta.marketTicker);
    // Before its first snapshot a book has no base to apply a delta to; the snapshot replaces it.
    if (book === undefined) return;
    book.applyDelta(delta.side, delta.priceE4, delta.deltaE2);
    if (this.d.liveness.marketData(delta.marketTicker, this.d.nowMs())) book.liftUnquotable('stale');
    this.d.emit({ type: 'book_changed', marketTicker: delta.marketTicker, isQuotable: book.isQuotable });
  }

  private onSnapshot(frame: unknown): void {
    const f = this.parse(OrderbookSnapshotFrame, frame, 'orderbook_snapshot');
    if (f === null) return;
    this.sequence(f.sid, f.seq);
    const ticker = f.msg.market_ticker;
    // A snapshot in flight when its market was unsubscribed must not resurrect the book.
    if (!this.d.subs.wanted.has(ticker)) return;
    const book = this.d.books.bind(f.sid, ticker);
    book.applySnapshot(f.msg.yes_dollars_fp ?? [], f.msg.no_dollars_fp ?? []);
    const nowMs = this.d.nowMs();
    this.d.liveness.marketData(ticker, nowMs);
    if (f.id === undefined || !this.probeIds.has(f.id)) {
      this.d.ledger.push(snapshotRecord(ticker, f.sid, f.seq, nowMs, field(frame, 'msg')));
    }
    this.d.emit({ type: 'book_changed', marketTicker: ticker, isQuotable: book.isQuotable });
  }

  private onSubscribed(frame: unknown): void {
    const f = this.parse(SubscribedFrame, frame, 'subscribed');
    if (f === null) return;
    const channel = this.d.subs.onSubscribed(f.id, f.msg.sid);
    if (channel === null) {
      this.d.logger.warn(
        { id: f.id, sid: f.msg.sid, channel: f.msg.channel },
        'subscribed answer for no command of ours',
      );
      return;
    }
    this.d.liveness.trackChannel(channel, this.d.nowMs());
    this.d.logger.debug({ channel, sid: f.msg.sid }, 'ws subscribed');
    if (f.id !== undefined) this.d.onSubscribeAnswered(f.id);
    // Markets wanted while the subscribe was in flight are added now.
    this.d.subs.sync(channel);
  }

  private onOk(frame: unknown): void {
    const f = this.parse(OkFrame, frame, 'ok');
    // update_subscription answers consume a seq on their sid (kalshi-api.md §4.4)
    if (f?.sid !== undefined && f.seq !== undefined) this.sequence(f.sid, f.seq);
  }

  private onUnsubscribed(frame: unknown): void {
    const f = this.parse(UnsubscribedFrame, frame, 'unsubscribed');
    if (f !== null) this.d.seq.forget(f.sid);
  }

  private onError(frame: unknown): void {
    const f = this.parse(ErrorFrame, frame, 'error');
    if (f === null) return;
    const { code, msg } = f.msg;
    this.d.logger.warn(
      { commandId: f.id, sid: f.sid, code, msg, tickers: f.msg.market_tickers ?? f.msg.market_ticker },
      'ws error frame',
    );
    if (f.id !== undefined && this.d.subs.onCommandFailed(f.id) !== null) this.d.onSubscribeAnswered(f.id);
    if (f.sid === undefined || !TERMINAL_ERROR_CODES.has(code)) return;
    // Terminal: the venue ended this subscription (10 channel error, 25 buffer overflow). Frames
    // were lost, so its books are in doubt; re-subscribing brings fresh snapshots.
    const channel = this.d.subs.dropSid(f.sid);
    if (channel === null) return;
    this.markChannelInDoubt(channel, f.sid);
    this.d.seq.forget(f.sid);
    this.d.emit({
      type: 'stale',
      scope: { kind: 'channel', channel },
      reason: `terminal error ${code}: ${msg}`,
    });
    this.d.subs.sync(channel);
  }

  private sequence(sid: number, seq: number): void {
    const outcome = this.d.seq.observe(sid, seq);
    if (outcome.kind === 'in_order') return;
    const channel = this.d.subs.channelOf(sid);
    this.d.logger.warn({ sid, channel, expected: outcome.expectedSeq, got: outcome.gotSeq }, 'ws seq gap');
    if (channel === undefined) return;
    // Books first, then the event: a listener reacting to the gap must see them unquotable.
    if (channel === 'orderbook_delta') this.resyncBooks(sid);
    this.d.emit({ type: 'gap', channel, sid, expectedSeq: outcome.expectedSeq, gotSeq: outcome.gotSeq });
  }

  /** Every book of the sid unquotable at once, then fresh snapshots for all of them. */
  private resyncBooks(sid: number): void {
    const tickers = new Set<MarketTicker>([
      ...this.d.books.markSidUnquotable(sid, 'seq_gap'),
      ...this.d.subs.tickersOf('orderbook_delta'),
    ]);
    for (const ticker of tickers) {
      const book = this.d.books.get(ticker);
      if (book === undefined) continue;
      book.markUnquotable('seq_gap');
      this.d.emit({ type: 'book_changed', marketTicker: ticker, isQuotable: false });
    }
    this.requestResync(sid);
  }

  /**
   * At most one get_snapshot per sid per RESYNC_MIN_INTERVAL_MS: under schema drift every delta
   * is rejected, and one request per rejected frame would flood the venue's command limit. A
   * request inside the interval is deferred to its end, never dropped (a book must not stay
   * unquotable while deltas keep it "live").
   */
  private requestResync(sid: number): void {
    if (this.deferredResync.has(sid)) return;
    const nowMs = this.d.nowMs();
    const waitMs =
      (this.lastResyncAtMs.get(sid) ?? Number.NEGATIVE_INFINITY) + RESYNC_MIN_INTERVAL_MS - nowMs;
    if (waitMs > 0) {
      const timer = setTimeout(() => {
        this.deferredResync.delete(sid);
        this.requestResync(sid);
      }, waitMs);
      timer.unref();
      this.deferredResync.set(sid, timer);
      return;
    }
    this.lastResyncAtMs.set(sid, nowMs);
    const unquotable = this.d.subs
      .tickersOf('orderbook_delta')
      .filter((t) => this.d.books.get(t)?.isQuotable !== true);
    this.d.subs.requestSnapshots(unquotable);
  }

  /** A new connection: deferred re-seeds of the old one are moot. */
  reset(): void {
    for (const timer of this.deferredResync.values()) clearTimeout(timer);
    this.deferredResync.clear();
    this.lastResyncAtMs.clear();
    this.probeIds.clear();
  }

  private markChannelInDoubt(channel: StreamChannel, sid: number): void {
    if (channel === 'orderbook_delta') {
      for (const ticker of this.d.books.markSidUnquotable(sid, 'seq_gap')) {
        this.d.emit({ type: 'book_changed', marketTicker: ticker, isQuotable: false });
      }
    }
  }

  private parse<T>(
    schema: Parameters<typeof parseWithContract<T>>[0],
    frame: unknown,
    where: string,
  ): T | null {
    const r = parseWithContract(schema, frame, where);
    if (r.ok) return r.value;
    this.reject(frame, r.rejection);
    return null;
  }

  private reject(frame: unknown, rejection: Rejection): void {
    this.rejectedFrames += 1;
    this.d.contract.reportViolation({ source: 'ws', ...rejection });
    this.d.logger.warn(rejection, 'ws frame rejected at the edge (contract violation)');
    // A dropped frame of a sequenced orderbook stream is a hole in the book: same as a gap.
    const sid = field(frame, 'sid');
    if (typeof sid === 'number' && this.d.subs.channelOf(sid) === 'orderbook_delta') this.resyncBooks(sid);
  }

  /** Unknown-field sampling on the hot frames: the first frame, then one in 64. */
  private isHotSample(): boolean {
    return (this.hotCount++ & HOT_SAMPLE_MASK) === 0;
  }

  private unknownKeys(where: string, frame: unknown, known: ReadonlySet<string>): void {
    reportUnknownKeys(this.d.contract, this.d.logger, where, field(frame, 'msg'), known);
  }
}
