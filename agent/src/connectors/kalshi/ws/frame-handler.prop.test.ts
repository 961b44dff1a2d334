/**
 * Property: whatever frames the network loses, a book the stream calls quotable is exactly the
 * venue's book as of the last frame received. A tiny venue keeps the true books of two markets on one sid, emits deltas with
 * seq, drops random frames, and answers the stream's get_snapshot commands with true snapshots.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { MarketTicker, formatCountFp, formatPriceDollars, countE2, priceE4 } from '@pt/protocol';
import { openStore } from '../../../store/index.js';
import { BookRegistry } from '../book/index.js';
import { ContractMonitor } from '../contract/contract-monitor.js';
import { FrameHandler } from './frame-handler.js';
import { LedgerSink } from './ledger-sink.js';
import { DEFAULT_LIVENESS, LivenessTracker } from './liveness.js';
import { SeqTracker } from './seq-tracker.js';
import { Subscriptions, type WsCommand } from './subscriptions.js';

const TICKERS = [MarketTicker.parse('KXHIGHNY-26JAN01-T37'), MarketTicker.parse('KXHIGHNY-26JAN01-B36.5')];
const SID = 1;
type Side = 'yes' | 'no';
type TrueBook = Record<Side, Map<number, number>>;

const step = fc.record({
  market: fc.integer({ min: 0, max: 1 }),
  side: fc.constantFrom<Side>('yes', 'no'),
  priceE4: fc.integer({ min: 1, max: 20 }).map((n) => n * 100),
  deltaE2: fc.integer({ min: -500, max: 500 }).filter((n) => n !== 0),
});
/** About one frame in ten is lost on the way. */
const steps = fc.array(
  fc.record({ base: step, isDropped: fc.integer({ min: 0, max: 9 }).map((n) => n === 0) }),
  {
    minLength: 1,
    maxLength: 200,
  },
);

const levels = (book: TrueBook, side: Side): { priceE4: number; countE2: number }[] =>
  [...book[side].entries()].sort((a, b) => b[0] - a[0]).map(([priceE4, countE2]) => ({ priceE4, countE2 }));

describe('FrameHandler under random frame loss (property)', () => {
  it('a quotable book always equals the venue book; all books recover once snapshots arrive', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pt-ws-prop-'));
    const logger = pino({ level: 'silent' });
    const store = openStore({ dataDir: dir, environment: 'sim', logger });
    try {
      fc.assert(
        fc.property(steps, (plan) => {
          const sent: WsCommand[] = [];
          const subs = new Subscriptions(['orderbook_delta'], (c) => sent.push(c));
          for (const t of TICKERS) subs.wanted.add(t);
          const books = new BookRegistry();
          const nowMs = { value: 0 };
          const handler = new FrameHandler({
            subs,
            seq: new SeqTracker(),
            books,
            liveness: new LivenessTracker(DEFAULT_LIVENESS),
            ledger: new LedgerSink(store.ledger, logger),
            contract: new ContractMonitor(),
            logger,
            nowMs: () => nowMs.value,
            emit: () => undefined,
            onSubscribeAnswered: () => undefined,
          });
          const truth: TrueBook[] = TICKERS.map(() => ({ yes: new Map(), no: new Map() }));
          let seq = 0;
          // The venue's books as of the last frame the stream received: a loss after it is
          // invisible (and harmless) until the next frame arrives and reveals the gap.
          let seen: TrueBook[] = [];
          const deliver = (frame: object, isDropped = false): void => {
            seq += 1;
            nowMs.value += 1_500; // past the re-seed throttle
            if (isDropped) return;
            handler.handle(JSON.stringify({ ...frame, sid: SID, seq }));
            seen = truth.map((b) => ({ yes: new Map(b.yes), no: new Map(b.no) }));
          };
          const snapshot = (i: number, isDropped = false): void => {
            const book = truth[i] ?? { yes: new Map(), no: new Map() };
            const wire = (side: Side): [string, string][] =>
              levels(book, side).map((l) => [
                formatPriceDollars(priceE4(l.priceE4)),
                formatCountFp(countE2(l.countE2)),
              ]);
            const msg = {
              market_ticker: TICKERS[i],
              market_id: 'm',
              yes_dollars_fp: wire('yes'),
              no_dollars_fp: wire('no'),
            };
            deliver({ type: 'orderbook_snapshot', msg }, isDropped);
          };
          const answerCommands = (): void => {
            for (const command of sent.splice(0)) {
              const wanted = command.params['market_tickers'];
              if (command.params['action'] !== 'get_snapshot' || !Array.isArray(wanted)) continue;
              for (const t of wanted) snapshot(TICKERS.findIndex((x) => x === t));
            }
          };
          const checkInvariant = (): void => {
            TICKERS.forEach((t, i) => {
              const book = books.get(t);
              if (book?.isQuotable !== true) return;
              const want = seen[i];
              if (want === undefined) return;
              expect(book.levels('yes')).toEqual(levels(want, 'yes'));
              expect(book.levels('no')).toEqual(levels(want, 'no'));
            });
          };
          subs.syncAll();
          handler.handle(
            JSON.stringify({
              type: 'subscribed',
              id: sent.splice(0)[0]?.id,
              msg: { channel: 'orderbook_delta', sid: SID },
            }),
          );
          TICKERS.forEach((_, i) => snapshot(i));
          for (const { base, isDropped } of plan) {
            const book = truth[base.market];
            if (book === undefined) continue;
            const current = book[base.side].get(base.priceE4) ?? 0;
            const deltaE2 = Math.max(base.deltaE2, -current); // the venue never goes below zero
            if (deltaE2 === 0) continue;
            if (current + deltaE2 === 0) book[base.side].delete(base.priceE4);
            else book[base.side].set(base.priceE4, current + deltaE2);
            const msg = {
              market_ticker: TICKERS[base.market],
              market_id: 'm',
              price_dollars: formatPriceDollars(priceE4(base.priceE4)),
              delta_fp: `${deltaE2 < 0 ? '-' : ''}${formatCountFp(countE2(Math.abs(deltaE2)))}`,
              side: base.side,
            };
            deliver({ type: 'orderbook_delta', msg }, isDropped);
            checkInvariant();
            answerCommands();
            checkInvariant();
          }
          // one more delivered frame exposes a trailing loss; then every book must recover
          deliver({ type: 'ok', msg: {} });
          answerCommands();
          handler.reset();
          TICKERS.forEach((t, i) => {
            expect(books.get(t)?.isQuotable, `${t} recovered`).toBe(true);
            expect(books.get(t)?.levels('yes')).toEqual(
              levels(truth[i] ?? { yes: new Map(), no: new Map() }, 'yes'),
            );
          });
        }),
        { seed: 20_261_125, numRuns: 200 },
      );
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
