/**
 * `npm run bench -w @pt/protocol`: parse throughput of the hot wire paths (money strings from the
 * venue, book deltas and snapshots in the browser). Records one figure each (a printed line). The inputs
 * are fixed and the loop counts are fixed, so runs are comparable; only the clock varies.
 */
import { performance } from 'node:perf_hooks';
import { ServerEvent } from '../src/ws/server-events.js';
import { parseCountFp, parsePriceDollars } from '../src/money.js';
import { priceDollarsString } from '../src/money-schemas.js';
import { recordFigure } from '../../scripts/bench-report/figure.js';
import type { Figure } from '../../scripts/bench-report/figure.js';

interface Case {
  readonly name: string;
  readonly unit: string;
  readonly iterations: number;
  /** Items handled by one call of `run` (the figure is items per second). */
  readonly itemsPerRun: number;
  readonly run: () => void;
}

function measure(bench: Case): Figure {
  for (let i = 0; i < Math.min(1000, bench.iterations); i += 1) bench.run(); // warm up the JIT
  const startMs = performance.now();
  for (let i = 0; i < bench.iterations; i += 1) bench.run();
  const elapsedMs = performance.now() - startMs;
  return {
    suite: 'protocol',
    name: bench.name,
    value: Math.round(((bench.iterations * bench.itemsPerRun) / elapsedMs) * 1000),
    unit: `${bench.unit}/s`,
    note: `${bench.iterations} in ${elapsedMs.toFixed(0)} ms`,
  };
}

const prices = ['0.5600', '0.0100', '0.9900', '1.0000', '0.4275'];
const counts = ['10.00', '33896.00', '0.01', '146.00', '278.50'];
const priceSchema = priceDollarsString('price');

const delta = {
  type: 'book.delta',
  stream: 'market:KXHIGHNY-25NOV25-B58.5',
  seq: 42,
  ticker: 'KXHIGHNY-25NOV25-B58.5',
  changes: [
    { leg: 'yes', priceE4: 2100, countE2: 30000 },
    { leg: 'no', priceE4: 7800, countE2: 0 },
  ],
  isQuotable: true,
  asOfMs: 1764025538527,
};

/** A 100-level-per-side snapshot: the largest book Kalshi returns (depth ≤ 100). */
function deepSnapshot(): unknown {
  const yesBids = Array.from({ length: 100 }, (_, i) => ({ priceE4: 4900 - i * 49, countE2: 100 + i }));
  const noBids = Array.from({ length: 100 }, (_, i) => ({ priceE4: 4900 - i * 49, countE2: 200 + i }));
  const asks = (bids: typeof yesBids) =>
    bids.map((l) => ({ priceE4: 10000 - l.priceE4, countE2: l.countE2 }));
  return {
    type: 'book.snapshot',
    stream: 'market:KXHIGHNY-25NOV25-B58.5',
    seq: 1,
    book: {
      ticker: 'KXHIGHNY-25NOV25-B58.5',
      yesBids,
      noBids,
      yesAsks: asks(noBids),
      noAsks: asks(yesBids),
      isQuotable: true,
      asOfMs: 1764025538527,
    },
  };
}
const snapshot = deepSnapshot();

const cases: Case[] = [
  {
    name: 'parsePriceDollars',
    unit: 'strings',
    iterations: 1_000_000,
    itemsPerRun: prices.length,
    run: () => prices.forEach((p) => parsePriceDollars(p)),
  },
  {
    name: 'parseCountFp',
    unit: 'strings',
    iterations: 1_000_000,
    itemsPerRun: counts.length,
    run: () => counts.forEach((c) => parseCountFp(c)),
  },
  {
    name: 'priceDollarsString (zod)',
    unit: 'strings',
    iterations: 500_000,
    itemsPerRun: 1,
    run: () => priceSchema.parse('0.5600'),
  },
  {
    name: 'ServerEvent book.delta',
    unit: 'messages',
    iterations: 200_000,
    itemsPerRun: 1,
    run: () => ServerEvent.parse(delta),
  },
  {
    name: 'ServerEvent book.snapshot 2×100 levels',
    unit: 'messages',
    iterations: 5_000,
    itemsPerRun: 1,
    run: () => ServerEvent.parse(snapshot),
  },
];

for (const bench of cases) recordFigure(measure(bench));
